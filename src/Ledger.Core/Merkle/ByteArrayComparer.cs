using System.Buffers.Binary;

namespace Ledger.Core.Merkle;

/// <summary>Compares byte arrays by content, so hashes can key dictionaries.</summary>
internal sealed class ByteArrayComparer : IEqualityComparer<byte[]>
{
    public static readonly ByteArrayComparer Instance = new();

    public bool Equals(byte[]? x, byte[]? y) => x is null ? y is null : y is not null && x.AsSpan().SequenceEqual(y);

    // Keys are hashes, so their first bytes are already uniformly distributed.
    public int GetHashCode(byte[] obj) => obj.Length >= 4 ? BinaryPrimitives.ReadInt32LittleEndian(obj) : obj.Length;
}
