using Ledger.Core.Merkle;

namespace Ledger.Core.Tests.Merkle;

/// <summary>A sealed batch stores its tree's nodes once; every record's proof is read back out of them.</summary>
public sealed class StoredTreeTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(64)]
    [InlineData(129)]
    [InlineData(2048)]
    public void EveryProofReadFromTheStoredNodesIsTheTreesOwn(int size)
    {
        var hashes = RandomHashes.Make(size, new Random(size));
        var tree = MerkleTree.Build(hashes);

        var nodes = tree.ToNodeBytes();

        Assert.Equal((2 * size - 1) * 32, nodes.Length);
        Assert.Equal(tree.Root, nodes[..32]);
        Assert.All(hashes, h => Assert.Equal(tree.GetProof(h), MerkleTree.ProofFromNodes(nodes, h)));
    }

    [Fact]
    public void ARecordNotInTheTreeHasNoProof()
    {
        var hashes = RandomHashes.Make(100, new Random(11));
        var nodes = MerkleTree.Build(hashes[..99]).ToNodeBytes();

        Assert.Null(MerkleTree.ProofFromNodes(nodes, hashes[99]));
    }

    [Fact]
    public void AnInnerNodeIsNotMistakenForALeaf()
    {
        // A record hash whose leaf equals an inner node cannot be found by construction; what is searched is only the
        // leaf range, so even the root's bytes passed as a record hash find nothing.
        var hashes = RandomHashes.Make(16, new Random(5));
        var tree = MerkleTree.Build(hashes);

        Assert.Null(MerkleTree.ProofFromNodes(tree.ToNodeBytes(), tree.Root));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(64)]
    [InlineData(33)]
    public void BytesThatAreNotATreeAreRefused(int length)
    {
        var hash = RandomHashes.Make(1, new Random(1))[0];

        Assert.Throws<ArgumentException>(() => MerkleTree.ProofFromNodes(new byte[length], hash));
    }
}
