using Org.BouncyCastle.Crypto.Digests;

namespace Ledger.Core.Hashing;

/// <summary>Keccak-256 as Ethereum uses it (the original Keccak padding, not NIST SHA3-256).</summary>
/// <remarks>BouncyCastle's span API, not Nethereum's Sha3Keccack: it hashes record envelopes and Merkle nodes on the
/// ingest path, where it is over twice as fast and allocates no copies of the input.</remarks>
public static class Keccak256
{
    /// <summary>Length of a digest in bytes.</summary>
    public const int Size = 32;

    /// <summary>Hashes <paramref name="data"/> and returns the 32-byte digest.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var digest = new KeccakDigest(256);
        digest.BlockUpdate(data);
        var output = new byte[Size];
        digest.DoFinal(output);
        return output;
    }

    /// <summary>Hashes the concatenation of two byte strings without building the concatenation.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        var digest = new KeccakDigest(256);
        digest.BlockUpdate(first);
        digest.BlockUpdate(second);
        var output = new byte[Size];
        digest.DoFinal(output);
        return output;
    }
}
