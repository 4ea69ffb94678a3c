using System.Text.Json.Nodes;
using Ledger.Api.Problems;
using Ledger.Core.Records.Types.Internal.Erasure;

namespace Ledger.Api.Erasure;

/// <summary>Reads an erasure request, naming every missing, mistyped or unknown field.</summary>
internal static class ErasureRequestParser
{
    /// <summary>The title of every problem with an erasure request's fields.</summary>
    public const string InvalidTitle = "The erasure request is invalid";

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
        var domain = RequestFields.Text(body, "domain", 64, required: true, errors);
        var subjectRef = RequestFields.Text(body, "subjectRef", 64, required: true, errors);
        var legalBasis = RequestFields.Text(body, "legalBasis", 64, required: true, errors);
        var note = RequestFields.Text(body, "note", MaxNoteLength, required: false, errors);
        if (legalBasis is not null && !LedgerErasure.LegalBases.Contains(legalBasis))
        {
            errors["legalBasis"] = [$"Must be one of {string.Join(", ", LedgerErasure.LegalBases)}."];
        }
        // Only when no note was sent at all: a note that was sent but refused already has its own, exact message.
        if (legalBasis == "other" && body["note"] is null)
        {
            errors["note"] = ["Required when legalBasis is other: say what the basis is."];
        }
        if (errors.Count > 0)
        {
            throw LedgerProblem.Invalid(InvalidTitle, errors);
        }
        return new EraseSubjectRequest(domain!, subjectRef!, legalBasis!, note);
    }
}
