using System.Text.Json;
using Ledger.Core.Encoding;

namespace Ledger.Chain;

/// <summary>Maps a JSON-RPC error object to a <see cref="ChainException"/>; node wording differs, so it matches phrases.</summary>
internal static class RpcErrorClassifier
{
    // Execution errors: geth and anvil use code 3 with the revert data in "data".
    private const int ExecutionErrorCode = 3;

    public static ChainException Classify(string method, JsonElement error)
    {
        var code = error.TryGetProperty("code", out var c) && c.TryGetInt64(out var n) ? n : 0;
        var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "";
        var lower = message.ToLowerInvariant();
        var text = $"{method} failed: {RpcJson.Truncate(Printable(message), 200)} (JSON-RPC error {code}).";
        var kind = lower switch
        {
            _ when lower.Contains("insufficient funds") => ChainErrorKind.InsufficientFunds,
            _ when lower.Contains("nonce too low") || lower.Contains("nonce has already been used") => ChainErrorKind.NonceTooLow,
            _ when lower.Contains("already known") || lower.Contains("already imported") || lower.Contains("known transaction") =>
                ChainErrorKind.AlreadyKnown,
            _ when lower.Contains("underpriced") && lower.Contains("replace") => ChainErrorKind.ReplacementUnderpriced,
            _ when lower.Contains("invalid chain id") => ChainErrorKind.WrongChainId,
            _ when code == ExecutionErrorCode || lower.Contains("revert") => ChainErrorKind.Reverted,
            _ => ChainErrorKind.RpcError,
        };
        var revertData = kind == ChainErrorKind.Reverted ? RevertData(error) : null;
        return new ChainException(kind, text, revertData: revertData);
    }

    // anvil echoes raw revert bytes into its message; keep log lines readable.
    private static string Printable(string message) =>
        string.Create(message.Length, message, (span, text) =>
        {
            for (var i = 0; i < text.Length; i++)
            {
                span[i] = char.IsControl(text[i]) ? '.' : text[i];
            }
        });

    private static byte[]? RevertData(JsonElement error)
    {
        if (!error.TryGetProperty("data", out var data))
        {
            return null;
        }
        // Some nodes nest it: { "data": { "data": "0x…" } }.
        if (data.ValueKind == JsonValueKind.Object && data.TryGetProperty("data", out var inner))
        {
            data = inner;
        }
        var text = data.ValueKind == JsonValueKind.String ? data.GetString() : null;
        if (text is null || !text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        try
        {
            return Hex.Decode(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
