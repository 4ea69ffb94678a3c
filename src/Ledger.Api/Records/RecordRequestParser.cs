using System.Text.Json.Nodes;
using Ledger.Api.Problems;
using Ledger.Core.Encoding;

namespace Ledger.Api.Records;

/// <summary>Turns a parsed body into a <see cref="SubmitRecordRequest"/>, naming every missing or mistyped field.</summary>
public static class RecordRequestParser
{
    private static readonly HashSet<string> Known = ["domain", "type", "occurredAt", "payload", "supersedes"];

    /// <summary>
    /// Parses the four fields and the optional <c>supersedes</c>; unknown top-level fields are refused so that typos do
    /// not pass silently.
    /// </summary>
    public static SubmitRecordRequest Parse(JsonObject body)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (name, _) in body)
        {
            if (!Known.Contains(name))
            {
                errors[name] = ["Unknown field; the body has domain, type, occurredAt, payload and, in a correction, supersedes."];
            }
        }
        var domain = RequiredString(body, "domain", errors);
        var type = RequiredString(body, "type", errors);
        var occurredAt = RequiredString(body, "occurredAt", errors);
        var payload = body["payload"] as JsonObject;
        if (payload is null)
        {
            errors["payload"] = [body.ContainsKey("payload") ? "Must be a JSON object." : "Required."];
        }
        var supersedes = OptionalRecordHash(body, "supersedes", errors);
        if (errors.Count > 0)
        {
            throw LedgerProblem.Invalid(errors);
        }
        return new SubmitRecordRequest(domain!, type!, occurredAt!, payload!) { Supersedes = supersedes };
    }

    // A reference to a stored record, so any case is accepted and the stored lower-case form is what gets hashed.
    private static string? OptionalRecordHash(JsonObject body, string name, Dictionary<string, string[]> errors)
    {
        if (!body.TryGetPropertyValue(name, out var node))
        {
            return null;
        }
        if (node is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.String
            && value.GetValue<string>() is var text && Hex.IsFixed(text, 32))
        {
            return text.ToLowerInvariant();
        }
        errors[name] = ["Must be the record hash of the record this one corrects: 0x followed by 64 hexadecimal digits."];
        return null;
    }

    private static string? RequiredString(JsonObject body, string name, Dictionary<string, string[]> errors)
    {
        var node = body[name];
        if (node is null)
        {
            errors[name] = ["Required."];
            return null;
        }
        if (node.GetValueKind() != System.Text.Json.JsonValueKind.String || node.GetValue<string>() is not { Length: > 0 and <= 64 } text)
        {
            errors[name] = ["Must be a non-empty string of at most 64 characters."];
            return null;
        }
        return text;
    }
}
