using System.Text.Json.Nodes;
using Ledger.Api.Problems;

namespace Ledger.Api.Correction;

/// <summary>Reads a request to open a case, naming every missing, mistyped or unknown field.</summary>
internal static class OpenCaseRequestParser
{
    private const int MaxIdentityLength = 100;
    private static readonly HashSet<string> Known = ["occurredAt", "payload", "identity"];
    private static readonly HashSet<string> IdentityFields = ["name", "idNumber"];

    public static OpenCaseRequest Parse(JsonObject body)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (name, _) in body.Where(p => !Known.Contains(p.Key)))
        {
            errors[name] = ["Unknown field; the body has payload (the case-opened payload), and optionally occurredAt and identity."];
        }
        var occurredAt = RequestFields.Text(body, "occurredAt", 64, required: false, errors);
        var payload = body["payload"] as JsonObject;
        if (payload is null)
        {
            errors["payload"] = [body.ContainsKey("payload") ? "Must be a JSON object." : "Required: the case-opened payload."];
        }
        var identity = Identity(body, errors);
        if (errors.Count > 0)
        {
            throw LedgerProblem.Invalid("The case is invalid", errors);
        }
        return new OpenCaseRequest(occurredAt, payload!, identity);
    }

    private static CaseIdentity? Identity(JsonObject body, Dictionary<string, string[]> errors)
    {
        if (!body.ContainsKey("identity"))
        {
            return null;
        }
        if (body["identity"] is not JsonObject identity)
        {
            errors["identity"] = ["Must be an object with name and/or idNumber."];
            return null;
        }
        foreach (var (name, _) in identity.Where(p => !IdentityFields.Contains(p.Key)))
        {
            errors[$"identity.{name}"] = ["Unknown field; an identity has name and idNumber."];
        }
        var fields = new Dictionary<string, string[]>();
        var fullName = RequestFields.Text(identity, "name", MaxIdentityLength, required: false, fields);
        var idNumber = RequestFields.Text(identity, "idNumber", MaxIdentityLength, required: false, fields);
        foreach (var (field, messages) in fields)
        {
            errors[$"identity.{field}"] = messages;
        }
        if (fullName is null && idNumber is null && fields.Count == 0)
        {
            errors["identity"] = ["Give name, idNumber or both; leave identity out to keep none."];
        }
        return new CaseIdentity(fullName, idNumber);
    }
}
