using Ledger.Core.Merkle;

namespace Ledger.Core.Tests.Merkle;

/// <summary>
/// A stored tree cut into blocks of six levels: every node lands in exactly one place, the blocks put back together
/// are the tree, and a proof read block by block is the tree's own while reading only a few blocks.
/// </summary>
public sealed class TreeBlockTests
{
    public static TheoryData<int> Sizes => [1, 2, 3, 5, 31, 32, 33, 63, 64, 65, 100, 127, 128, 129, 1000, 2047, 2048, 2049, 5000];

    [Fact]
    public void NodesAreLocatedInBandsOfSixLevels()
    {
        Assert.Equal((0, 0), MerkleTreeBlocks.Locate(0));
        Assert.Equal((0, 1), MerkleTreeBlocks.Locate(1));
        Assert.Equal((0, 62), MerkleTreeBlocks.Locate(62));
        // The first node of level 6 tops a block of its own; its children are that block's second and third nodes.
        Assert.Equal((63, 0), MerkleTreeBlocks.Locate(63));
        Assert.Equal((63, 1), MerkleTreeBlocks.Locate(127));
        Assert.Equal((63, 2), MerkleTreeBlocks.Locate(128));
        Assert.Equal((64, 1), MerkleTreeBlocks.Locate(129));
        // Level 11's first node: the leftmost descendant of block 63, the first node of that block's last level.
        Assert.Equal((63, 31), MerkleTreeBlocks.Locate(2047));
        // Level 12 starts the third band.
        Assert.Equal((4095, 0), MerkleTreeBlocks.Locate(4095));
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void TheBlocksHoldEveryNodeOnceAndJoinBackIntoTheTree(int size)
    {
        var nodes = MerkleTree.Build(RandomHashes.Make(size, new Random(size))).ToNodeBytes();

        var blocks = MerkleTreeBlocks.Split(nodes);

        Assert.Equal(nodes.Length, blocks.Sum(b => b.Nodes.Length));
        Assert.All(blocks, b => Assert.InRange(b.Nodes.Length, 32, MerkleTreeBlocks.MaxNodes * 32));
        Assert.Equal(blocks.Select(b => b.Block).Order(), blocks.Select(b => b.Block));
        Assert.Equal(0, blocks[0].Block);
        Assert.Equal(nodes, MerkleTreeBlocks.Join(blocks.ToDictionary(b => b.Block, b => b.Nodes)));
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void EveryProofReadBlockByBlockIsTheTreesOwn(int size)
    {
        var hashes = RandomHashes.Make(size, new Random(size + 1));
        var tree = MerkleTree.Build(hashes);
        var blocks = MerkleTreeBlocks.Split(tree.ToNodeBytes()).ToDictionary(b => b.Block, b => b.Nodes);

        Assert.All(hashes, h => Assert.Equal(tree.GetProof(h), MerkleTreeBlocks.Proof(size, blocks.GetValueOrDefault, h)));
    }

    [Fact]
    public void AProofInAFullBatchReadsThreeOrFourBlocksNotTheWholeTree()
    {
        // 2,048 records, the default batch: 65 blocks. The path crosses two bands (the leaf's block and block 0) and
        // the neighbour whose top node is the sibling at level 6; the search for the leaf seldom leaves its block.
        var hashes = RandomHashes.Make(2048, new Random(2048));
        var blocks = MerkleTreeBlocks.Split(MerkleTree.Build(hashes).ToNodeBytes()).ToDictionary(b => b.Block, b => b.Nodes);
        Assert.Equal(65, blocks.Count);

        var reads = hashes.Select(h =>
        {
            var read = 0;
            Assert.NotNull(MerkleTreeBlocks.Proof(2048, b => { read++; return blocks.GetValueOrDefault(b); }, h));
            return read;
        }).ToList();

        Assert.All(reads, r => Assert.InRange(r, 3, 5));
        Assert.True(reads.Average() < 3.5, $"{reads.Average():F2} blocks read per proof on average");
    }

    [Fact]
    public void ARecordNotInTheTreeHasNoProofAndAnInnerNodeIsNotALeaf()
    {
        var hashes = RandomHashes.Make(300, new Random(3));
        var tree = MerkleTree.Build(hashes[..299]);
        var blocks = MerkleTreeBlocks.Split(tree.ToNodeBytes()).ToDictionary(b => b.Block, b => b.Nodes);

        Assert.Null(MerkleTreeBlocks.Proof(299, blocks.GetValueOrDefault, hashes[299]));
        Assert.Null(MerkleTreeBlocks.Proof(299, blocks.GetValueOrDefault, tree.Root));
    }

    [Fact]
    public void AMissingBlockIsADamagedStoreNotAMissingRecord()
    {
        var hashes = RandomHashes.Make(2048, new Random(7));
        var blocks = MerkleTreeBlocks.Split(MerkleTree.Build(hashes).ToNodeBytes()).ToDictionary(b => b.Block, b => b.Nodes);
        blocks.Remove(0);

        var damaged = Assert.Throws<InvalidOperationException>(() => MerkleTreeBlocks.Proof(2048, blocks.GetValueOrDefault, hashes[0]));
        Assert.Contains("damaged", damaged.Message);
        Assert.Throws<InvalidOperationException>(() => MerkleTreeBlocks.Join(blocks));
        blocks.Remove(63);
        Assert.Throws<InvalidOperationException>(() => MerkleTreeBlocks.Join(blocks));
    }

    [Fact]
    public void BytesThatAreNotATreeAreRefused()
    {
        Assert.Throws<ArgumentException>(() => MerkleTreeBlocks.Split(new byte[64]));
        Assert.Throws<ArgumentException>(() => MerkleTreeBlocks.Split(new byte[33]));
    }
}
