using Ledger.Core.Hashing;
using Ledger.Core.Merkle;

namespace Ledger.Core.Tests.Merkle;

public sealed class MerkleTreeTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(10)]
    [InlineData(129)]
    public void EveryProofVerifiesAgainstTheRoot(int size)
    {
        var hashes = RandomHashes.Make(size, new Random(size));
        var tree = MerkleTree.Build(hashes);

        Assert.All(hashes, h => Assert.True(MerkleTree.Verify(tree.Root, h, tree.GetProof(h))));
    }

    [Fact]
    public void ProofsAreLogarithmicInTheNumberOfLeaves()
    {
        var hashes = RandomHashes.Make(1000, new Random(7));
        var tree = MerkleTree.Build(hashes);

        Assert.All(hashes, h => Assert.InRange(tree.GetProof(h).Count, 9, 10));
    }

    [Fact]
    public void ASingleLeafTreeHasTheLeafHashAsRootAndAnEmptyProof()
    {
        var hash = RandomHashes.Make(1, new Random(1))[0];

        var tree = MerkleTree.Build([hash]);

        Assert.Equal(MerkleTree.LeafHash(hash), tree.Root);
        Assert.Empty(tree.GetProof(hash));
    }

    [Fact]
    public void TheLeafIsKeccakOfKeccakOfTheRecordHash()
    {
        var hash = RandomHashes.Make(1, new Random(2))[0];

        Assert.Equal(Keccak256.Hash(Keccak256.Hash(hash)), MerkleTree.LeafHash(hash));
    }

    [Fact]
    public void HashPairDoesNotDependOnArgumentOrder()
    {
        var pair = RandomHashes.Make(2, new Random(3));

        Assert.Equal(MerkleTree.HashPair(pair[0], pair[1]), MerkleTree.HashPair(pair[1], pair[0]));
    }

    [Fact]
    public void TheRootDoesNotDependOnInputOrder()
    {
        var hashes = RandomHashes.Make(50, new Random(4));
        var reversed = Enumerable.Reverse(hashes).ToList();

        Assert.Equal(MerkleTree.Build(hashes).Root, MerkleTree.Build(reversed).Root);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    [InlineData(31)]
    public void AFlippedBitInTheRecordHashFailsVerification(int bit) =>
        AssertFlipFails(bit, (hash, proof, root) => (Flip(hash, bit), proof, root));

    [Theory]
    [InlineData(0)]
    [InlineData(255)]
    public void AFlippedBitInAProofElementFailsVerification(int bit) =>
        AssertFlipFails(bit, (hash, proof, root) => (hash, [Flip(proof[0], bit), .. proof.Skip(1)], root));

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public void AFlippedBitInTheRootFailsVerification(int bit) =>
        AssertFlipFails(bit, (hash, proof, root) => (hash, proof, Flip(root, bit)));

    [Fact]
    public void ADroppedProofElementFailsVerification()
    {
        var hashes = RandomHashes.Make(8, new Random(5));
        var tree = MerkleTree.Build(hashes);

        Assert.False(MerkleTree.Verify(tree.Root, hashes[0], tree.GetProof(hashes[0]).Skip(1).ToList()));
    }

    [Fact]
    public void AProofForAHashNotInTheTreeIsNotFound()
    {
        var tree = MerkleTree.Build(RandomHashes.Make(4, new Random(6)));

        Assert.Throws<KeyNotFoundException>(() => tree.GetProof(new byte[32]));
    }

    [Fact]
    public void AnEmptyListIsRefused() => Assert.Throws<ArgumentException>(() => MerkleTree.Build([]));

    [Fact]
    public void AHashThatIsNotThirtyTwoBytesIsRefused() =>
        Assert.Throws<ArgumentException>(() => MerkleTree.Build([new byte[32], new byte[31]]));

    [Fact]
    public void TheSameHashTwiceIsRefused()
    {
        var hash = RandomHashes.Make(1, new Random(8))[0];

        Assert.Throws<ArgumentException>(() => MerkleTree.Build([hash, (byte[])hash.Clone()]));
    }

    [Fact]
    public void ChangingTheCallersArrayAfterBuildDoesNotChangeTheTree()
    {
        var hashes = RandomHashes.Make(4, new Random(9));
        var tree = MerkleTree.Build(hashes);
        var original = (byte[])hashes[0].Clone();

        hashes[0][0] ^= 0xFF;

        Assert.True(tree.Contains(original));
        Assert.True(MerkleTree.Verify(tree.Root, original, tree.GetProof(original)));
    }

    [Fact]
    public void AHundredThousandLeavesBuildAndProve()
    {
        var hashes = RandomHashes.Make(100_000, new Random(10));
        var tree = MerkleTree.Build(hashes);
        var proof = tree.GetProof(hashes[^1]);

        Assert.Equal(100_000, tree.Count);
        Assert.Equal(17, proof.Count);
        Assert.True(MerkleTree.Verify(tree.Root, hashes[^1], proof));
    }

    private static void AssertFlipFails(int bit, Func<byte[], IReadOnlyList<byte[]>, byte[], (byte[], IReadOnlyList<byte[]>, byte[])> spoil)
    {
        var hashes = RandomHashes.Make(16, new Random(11));
        var tree = MerkleTree.Build(hashes);
        var (hash, proof, root) = spoil(hashes[5], tree.GetProof(hashes[5]), tree.Root);

        Assert.False(MerkleTree.Verify(root, hash, proof));
    }

    private static byte[] Flip(byte[] bytes, int bit)
    {
        var copy = (byte[])bytes.Clone();
        copy[bit / 8] ^= (byte)(1 << (bit % 8));
        return copy;
    }
}
