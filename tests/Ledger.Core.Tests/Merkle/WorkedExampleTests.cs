using Ledger.Core.Encoding;
using Ledger.Core.Hashing;
using Ledger.Core.Merkle;

namespace Ledger.Core.Tests.Merkle;

/// <summary>The Merkle numbers of docs/proof-format.md's worked example (computed independently with OpenZeppelin's library).</summary>
public sealed class WorkedExampleTests
{
    public const string RecordHash = "0x5ddac0b37ed0e08c56b3769b136b276ee720989546861d9c326d8571ccae601e";
    public const string Leaf = "0xb047b12350fe8f5ed556e4f455519e6f79a43fbc21021340992369aec65a8b1b";
    public const string OtherRecordHash = "0x5fe7f977e71dba2ea1a68e21057beebb9be2ac30c6410aa38d4f3fbe41dcffd2";
    public const string OtherLeaf = "0x534afc8420bab6c013a3e42dc77ef141e8f16ee0206928dd007663e9c85068dd";
    public const string PairRoot = "0x7d21b8345064540fbbd2e566de804c8d24584717f0b8fa3c493d2c9cf2334f2b";

    [Fact]
    public void TheExampleRecordHashHasThePinnedLeaf() =>
        Assert.Equal(Leaf, Hex.Encode(MerkleTree.LeafHash(Hex.Decode(RecordHash))));

    [Fact]
    public void TheOtherRecordHashIsKeccakOfTheByteOne() =>
        Assert.Equal(OtherRecordHash, Hex.Encode(Keccak256.Hash([0x01])));

    [Fact]
    public void TheTwoRecordTreeHasThePinnedRootAndProof()
    {
        var tree = MerkleTree.Build([Hex.Decode(RecordHash), Hex.Decode(OtherRecordHash)]);

        Assert.Equal(PairRoot, Hex.Encode(tree.Root));
        Assert.Equal([OtherLeaf], tree.GetProof(Hex.Decode(RecordHash)).Select(p => Hex.Encode(p)));
    }
}
