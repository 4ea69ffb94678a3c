using Ledger.Core.Encoding;
using Nethereum.JsonRpc.Client;
using Newtonsoft.Json.Linq;

namespace Ledger.Chain;

/// <summary>
/// Maps a node's JSON-RPC error (as Nethereum's <see cref="RpcError"/>) to a <see cref="ChainException"/>. Nethereum
/// reports nonce too low, underpriced replacements, known transactions and missing funds alike (code -32003 on anvil,
/// -32000 on geth), so the kind comes from the message; node wording differs, so it matches phrases.
/// </summary>
internal static class RpcErrorClassifier
{
    // Execution errors: geth and anvil use code 3 with the revert data in "data".
    private const int ExecutionErrorCode = 3;

    public static ChainException Classify(string method, RpcError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var message = NodeMessage(error.Message ?? "", method);
        var lower = message.ToLowerInvariant();
        var text = $"{method} failed: {Truncate(Printable(message), 200)} (JSON-RPC error {error.Code}).";
        var kind = lower switch
        {
            _ when lower.Contains("insufficient funds") => ChainErrorKind.InsufficientFunds,
            _ when lower.Contains("nonce too low") || lower.Contains("nonce has already been used") => ChainErrorKind.NonceTooLow,
            _ when lower.Contains("already known") || lower.Contains("already imported") || lower.Contains("known transaction") =>
                ChainErrorKind.AlreadyKnown,
            _ when lower.Contains("underpriced") && lower.Contains("replace") => ChainErrorKind.ReplacementUnderpriced,
            _ when lower.Contains("invalid chain id") => ChainErrorKind.WrongChainId,
            _ when error.Code == ExecutionErrorCode || lower.Contains("revert") => ChainErrorKind.Reverted,
            _ => ChainErrorKind.RpcError,
        };
        var revertData = kind == ChainErrorKind.Reverted ? RevertData(error.Data) : null;
        return new ChainException(kind, text, revertData: revertData);
    }

    public static string Truncate(string text, int max) => text.Length <= max ? text : text[..max] + "…";

    // Nethereum appends ": <method>" to the node's message; the method is named in ours already.
    private static string NodeMessage(string message, string method) =>
        message.EndsWith(": " + method, StringComparison.Ordinal) ? message[..^(method.Length + 2)] : message;

    // anvil echoes raw revert bytes into its message; keep log lines readable.
    private static string Printable(string message) =>
        string.Create(message.Length, message, (span, text) =>
        {
            for (var i = 0; i < text.Length; i++)
            {
                span[i] = char.IsControl(text[i]) ? '.' : text[i];
            }
        });

    private static byte[]? RevertData(object? data)
    {
        // Some nodes nest it: { "data": { "data": "0x…" } }.
        var token = data as JToken;
        if (token is JObject nested)
        {
            token = nested["data"];
        }
        var text = token is { Type: JTokenType.String } ? token.Value<string>() : data as string;
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
