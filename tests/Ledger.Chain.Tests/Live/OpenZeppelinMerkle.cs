using Ledger.Core.Hashing;

namespace Ledger.Chain.Tests.Live;

/// <summary>The OpenZeppelin conventions LedgerAnchor.verify expects: double-hashed leaves and sorted-pair inner nodes.</summary>
internal static class OpenZeppelinMerkle
{
    // leaf = keccak256(bytes.concat(keccak256(abi.encode(recordHash)))); abi.encode of one bytes32 is the word itself.
    public static byte[] Leaf(byte[] recordHash) => Keccak256.Hash(Keccak256.Hash(recordHash));

    public static byte[] Node(byte[] a, byte[] b) =>
        a.AsSpan().SequenceCompareTo(b) <= 0 ? Keccak256.Hash(a, b) : Keccak256.Hash(b, a);

    public static byte[] Record(int i) => Keccak256.Hash(System.Text.Encoding.UTF8.GetBytes($"record {i}"));
}
