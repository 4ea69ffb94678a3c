using System.Text.Json;
using System.Text.Json.Nodes;
using Ledger.Api.Problems;
using Ledger.Core.Records.Types;

namespace Ledger.Api.Erasure;

/// <summary>Reads an erasure request, naming every missing, mistyped or unknown field.</summary>
internal static class ErasureRequestParser
{
    private const int MaxNoteLength = 500;
    private static readonly HashSet<string> Known = ["domain", "subjectRef", "legalBasis", "note"];

    public static EraseSubjectRequest Parse(JsonObject body)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (name, _) in body)
        {
            if (!Known.Contains(name))
            {
                errors[name] = ["Unknown field; the body has domain, subjectRef, legalBasis and note."];
            }
        }
        var domain = Text(body, "domain", 64, required: true, errors);
        var subjectRef = Text(body, "subjectRef", 64, required: true, errors);
        var legalBasis = Text(body, "legalBasis", 64, required: true, errors);
        var note = Text(body, "note", MaxNoteLength, required: false, errors);
        if (legalBasis is not null && !LedgerErasure.LegalBases.Contains(legalBasis))
        {
            errors["legalBasis"] = [$"Must be one of {string.Join(", ", LedgerErasure.LegalBases)}."];
        }
        if (legalBasis == "other" && note is null)
        {
            errors["note"] = ["Required when legalBasis is other: say what the basis is."];
        }
        if (errors.Count > 0)
        {
            throw new LedgerProblem(StatusCodes.Status400BadRequest, "The erasure request is invalid", "One or more fields are invalid; see errors.", errors);
        }
        return new EraseSubjectRequest(domain!, subjectRef!, legalBasis!, note);
    }

    private static string? Text(JsonObject body, string name, int maxLength, bool required, Dictionary<string, string[]> errors)
    {
        var node = body[name];
        if (node is null)
        {
            if (required)
            {
                errors[name] = ["Required."];
            }
            return null;
        }
        if (node.GetValueKind() != JsonValueKind.String || node.GetValue<string>() is not { Length: > 0 } text || text.Length > maxLength
            || text.Any(char.IsControl) || text.Trim().Length != text.Length)
        {
            errors[name] = [$"Must be a single line of 1 to {maxLength} characters without surrounding spaces."];
            return null;
        }
        return text;
    }
}
