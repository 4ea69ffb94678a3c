using Org.BouncyCastle.Crypto.Digests;

namespace Ledger.Core.Hashing;

/// <summary>Keccak-256 as Ethereum uses it (the original Keccak padding, not NIST SHA3-256).</summary>
public static class Keccak256
{
    /// <summary>Length of a digest in bytes.</summary>
    public const int Size = 32;

    /// <summary>Hashes <paramref name="data"/> and returns the 32-byte digest.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var digest = new KeccakDigest(256);
        // Portable.BouncyCastle 1.8 has no span overloads.
        var input = data.ToArray();
        digest.BlockUpdate(input, 0, input.Length);
        var output = new byte[Size];
        digest.DoFinal(output, 0);
        return output;
    }

    /// <summary>Hashes the concatenation of two byte strings without allocating the concatenation twice.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        var digest = new KeccakDigest(256);
        var a = first.ToArray();
        var b = second.ToArray();
        digest.BlockUpdate(a, 0, a.Length);
        digest.BlockUpdate(b, 0, b.Length);
        var output = new byte[Size];
        digest.DoFinal(output, 0);
        return output;
    }
}
