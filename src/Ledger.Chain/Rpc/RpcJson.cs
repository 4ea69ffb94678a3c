using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Ledger.Core.Encoding;

namespace Ledger.Chain;

/// <summary>Reads the JSON-RPC wire forms (hex quantities, hex data, blocks, receipts) into Ledger's types.</summary>
internal static class RpcJson
{
    public static string Quantity(BigInteger value) =>
        value.IsZero ? "0x0" : "0x" + value.ToString("x", CultureInfo.InvariantCulture).TrimStart('0');

    public static BigInteger ToBigInteger(JsonElement element, string what)
    {
        var text = element.ValueKind == JsonValueKind.String ? element.GetString()! : "";
        if (text.Length < 3 || !text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            || !BigInteger.TryParse("0" + text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            throw Malformed(what, element);
        }
        return value;
    }

    public static ulong ToUInt64(JsonElement element, string what)
    {
        var value = ToBigInteger(element, what);
        return value <= ulong.MaxValue ? (ulong)value : throw Malformed(what, element);
    }

    public static byte[] ToBytes(JsonElement element, string what)
    {
        try
        {
            return Hex.Decode(element.GetString() ?? throw Malformed(what, element));
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException)
        {
            throw Malformed(what, element);
        }
    }

    public static string ToHash(JsonElement element, string what)
    {
        var text = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        return Hex.IsFixed(text, 32) ? text!.ToLowerInvariant() : throw Malformed(what, element);
    }

    public static string ToAddress(JsonElement element, string what)
    {
        var text = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        return Hex.IsFixed(text, 20) ? EthereumAddress.ToChecksum(Hex.Decode(text!)) : throw Malformed(what, element);
    }

    public static BlockInfo ToBlock(JsonElement block) => new(
        ToUInt64(Property(block, "number"), "block number"),
        ToHash(Property(block, "hash"), "block hash"),
        ToHash(Property(block, "parentHash"), "parent hash"),
        (long)ToUInt64(Property(block, "timestamp"), "block timestamp"),
        block.TryGetProperty("baseFeePerGas", out var baseFee) && baseFee.ValueKind != JsonValueKind.Null
            ? ToBigInteger(baseFee, "base fee")
            : null);

    public static TransactionReceipt ToReceipt(JsonElement receipt)
    {
        var contract = receipt.TryGetProperty("contractAddress", out var c) && c.ValueKind == JsonValueKind.String
            ? ToAddress(c, "contract address")
            : null;
        // Pre-London nodes have no effectiveGasPrice; zero says "unknown" without failing the receipt.
        var price = receipt.TryGetProperty("effectiveGasPrice", out var p) && p.ValueKind == JsonValueKind.String
            ? ToBigInteger(p, "effective gas price")
            : BigInteger.Zero;
        var logs = Property(receipt, "logs").EnumerateArray().Select(ToLog).ToList();
        return new TransactionReceipt(
            ToHash(Property(receipt, "transactionHash"), "transaction hash"),
            ToUInt64(Property(receipt, "blockNumber"), "block number"),
            ToHash(Property(receipt, "blockHash"), "block hash"),
            ToUInt64(Property(receipt, "status"), "receipt status") == 1,
            ToUInt64(Property(receipt, "gasUsed"), "gas used"),
            price,
            contract,
            logs);
    }

    public static LogEntry ToLog(JsonElement log) => new(
        ToAddress(Property(log, "address"), "log address"),
        [.. Property(log, "topics").EnumerateArray().Select(t => ToHash(t, "log topic"))],
        ToBytes(Property(log, "data"), "log data"),
        ToUInt64(Property(log, "logIndex"), "log index"))
    {
        TransactionHash = Optional(log, "transactionHash") is { } tx ? ToHash(tx, "log transaction hash") : null,
        BlockNumber = Optional(log, "blockNumber") is { } number ? ToUInt64(number, "log block number") : null,
        BlockHash = Optional(log, "blockHash") is { } hash ? ToHash(hash, "log block hash") : null,
        Removed = Optional(log, "removed") is { ValueKind: JsonValueKind.True },
    };

    // Pending logs carry nulls where mined ones carry their position.
    private static JsonElement? Optional(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static JsonElement Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value
            : throw new ChainException(ChainErrorKind.RpcError, $"The node's answer lacks '{name}'.");

    private static ChainException Malformed(string what, JsonElement element)
    {
        var raw = element.ValueKind == JsonValueKind.Undefined ? "nothing" : element.GetRawText();
        return new ChainException(ChainErrorKind.RpcError, $"The node returned a malformed {what}: {Truncate(raw, 80)}.");
    }

    public static string Truncate(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
