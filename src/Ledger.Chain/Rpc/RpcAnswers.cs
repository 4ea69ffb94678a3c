using System.Numerics;
using Ledger.Core.Encoding;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;
using NethereumReceipt = Nethereum.RPC.Eth.DTOs.TransactionReceipt;

namespace Ledger.Chain;

/// <summary>
/// Turns Nethereum's RPC answers into Ledger's types, refusing what a sound node never sends: a missing field, a
/// quantity that is not hex, a hash or address of the wrong length. Nethereum itself reads a missing field as null and
/// converts quantities only when first read (it also reads "12" as 0x12, which is let pass).
/// </summary>
internal static class RpcAnswers
{
    public static BigInteger Quantity(HexBigInteger? value, string what)
    {
        var text = value?.HexValue;
        if (text is null || text.Length < 3 || !text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            || text.AsSpan(2).ContainsAnyExcept("0123456789abcdefABCDEF"))
        {
            throw Malformed(what, text);
        }
        return value!.Value;
    }

    public static ulong UInt64(HexBigInteger? value, string what)
    {
        var number = Quantity(value, what);
        return number >= 0 && number <= ulong.MaxValue ? (ulong)number : throw Malformed(what, value?.HexValue);
    }

    public static string Hash(string? text, string what) =>
        Hex.IsFixed(text, 32) && text!.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text.ToLowerInvariant() : throw Malformed(what, text);

    public static string Address(string? text, string what) =>
        Hex.IsFixed(text, 20) && text!.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? EthereumAddress.ToChecksum(Hex.Decode(text))
            : throw Malformed(what, text);

    public static byte[] Bytes(string? text, string what)
    {
        try
        {
            return text is not null && text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? Hex.Decode(text) : throw Malformed(what, text);
        }
        catch (FormatException)
        {
            throw Malformed(what, text);
        }
    }

    public static BlockInfo Block(Block block) => new(
        UInt64(block.Number, "block number"),
        Hash(block.BlockHash, "block hash"),
        Hash(block.ParentHash, "parent hash"),
        (long)UInt64(block.Timestamp, "block timestamp"),
        block.BaseFeePerGas is null ? null : Quantity(block.BaseFeePerGas, "base fee"));

    public static TransactionReceipt Receipt(NethereumReceipt receipt) => new(
        Hash(receipt.TransactionHash, "transaction hash"),
        UInt64(receipt.BlockNumber, "block number"),
        Hash(receipt.BlockHash, "block hash"),
        UInt64(receipt.Status, "receipt status") == 1,
        UInt64(receipt.GasUsed, "gas used"),
        // Pre-London nodes have no effectiveGasPrice; zero says "unknown" without failing the receipt.
        receipt.EffectiveGasPrice is null ? BigInteger.Zero : Quantity(receipt.EffectiveGasPrice, "effective gas price"),
        receipt.ContractAddress is null ? null : Address(receipt.ContractAddress, "contract address"),
        [.. (receipt.Logs ?? throw Missing("logs")).Select(Log)]);

    public static LogEntry Log(FilterLog log) => new(
        Address(log.Address, "log address"),
        [.. (log.Topics ?? throw Missing("topics")).Select(t => Hash(t?.ToString(), "log topic"))],
        Bytes(log.Data, "log data"),
        UInt64(log.LogIndex, "log index"))
    {
        // Pending logs carry nulls where mined ones carry their position.
        TransactionHash = log.TransactionHash is null ? null : Hash(log.TransactionHash, "log transaction hash"),
        BlockNumber = log.BlockNumber is null ? null : UInt64(log.BlockNumber, "log block number"),
        BlockHash = log.BlockHash is null ? null : Hash(log.BlockHash, "log block hash"),
        Removed = log.Removed,
    };

    private static ChainException Missing(string name) => new(ChainErrorKind.RpcError, $"The node's answer lacks '{name}'.");

    private static ChainException Malformed(string what, string? text) =>
        new(ChainErrorKind.RpcError, $"The node returned a malformed {what}: {RpcErrorClassifier.Truncate(text ?? "nothing", 80)}.");
}
