using System.Numerics;
using Ledger.Core.Encoding;

namespace Ledger.Chain.Abi;

/// <summary>Converts the .NET values callers pass into the shapes the encoder needs.</summary>
internal static class AbiValues
{
    public static BigInteger ToBigInteger(object? value, AbiType type) => value switch
    {
        BigInteger big => big,
        ulong u => u,
        long l => l,
        uint u => u,
        int i => i,
        ushort u => u,
        short s => s,
        byte b => b,
        _ => throw Mismatch(type, value),
    };

    public static byte[] ToBytes(object? value, AbiType type) => value switch
    {
        byte[] bytes => bytes,
        string hex => Hex.Decode(hex),
        _ => throw Mismatch(type, value),
    };

    public static byte[] ToAddressBytes(object? value) => value switch
    {
        string text => EthereumAddress.Parse(text),
        byte[] { Length: 20 } bytes => bytes,
        _ => throw new ArgumentException($"An ABI address must be 0x text or 20 bytes, got {Describe(value)}."),
    };

    public static ArgumentException Mismatch(AbiType type, object? value) =>
        new($"Cannot encode {Describe(value)} as ABI {type}.");

    private static string Describe(object? value) => value?.GetType().Name ?? "null";
}
