using System.Text.Json.Nodes;
using Ledger.Api.Problems;
using Ledger.Core.Records.Types.Internal.Revocation;

namespace Ledger.Api.Revocation;

/// <summary>Reads a revocation request, naming every missing, mistyped or unknown field.</summary>
internal static class RevocationRequestParser
{
    /// <summary>The title of every problem with a revocation request's fields.</summary>
    public const string InvalidTitle = "The revocation request is invalid";

    private const int MaxNoteLength = 500;
    private static readonly HashSet<string> Known = ["reasonCode", "note"];

    public static RevokeRecordRequest Parse(JsonObject body)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (name, _) in body)
        {
            if (!Known.Contains(name))
            {
                errors[name] = ["Unknown field; the body has reasonCode and note."];
            }
        }
        var reasonCode = RequestFields.Text(body, "reasonCode", 64, required: true, errors);
        var note = RequestFields.Text(body, "note", MaxNoteLength, required: false, errors);
        if (reasonCode is not null && !LedgerRevocation.ReasonCodes.Contains(reasonCode))
        {
            errors["reasonCode"] = [$"Must be one of {string.Join(", ", LedgerRevocation.ReasonCodes)}."];
        }
        // Only when no note was sent at all: a note that was sent but refused already has its own, exact message.
        if (reasonCode == "other" && body["note"] is null)
        {
            errors["note"] = ["Required when reasonCode is other: say why the record is revoked."];
        }
        if (errors.Count > 0)
        {
            throw LedgerProblem.Invalid(InvalidTitle, errors);
        }
        return new RevokeRecordRequest(reasonCode!, note);
    }
}
