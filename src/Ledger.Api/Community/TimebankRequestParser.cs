using System.Text.Json.Nodes;
using Ledger.Api.Problems;

namespace Ledger.Api.Community;

/// <summary>Reads time-bank request bodies, naming every missing, mistyped or unknown field; the record's schema checks the rest.</summary>
internal static class TimebankRequestParser
{
    private static readonly HashSet<string> TransferFields = ["hours", "toCommunity", "toVolunteerRef", "transferredOn", "note"];

    public static HoursTransferRequest Transfer(JsonObject body)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (name, _) in body.Where(p => !TransferFields.Contains(p.Key)))
        {
            errors[name] = [$"Unknown field; the body has {string.Join(", ", TransferFields)}."];
        }
        var hours = RequestFields.Text(body, "hours", 16, required: true, errors);
        var toCommunity = RequestFields.Text(body, "toCommunity", 64, required: true, errors);
        var toVolunteerRef = RequestFields.Text(body, "toVolunteerRef", 64, required: true, errors);
        var transferredOn = RequestFields.Text(body, "transferredOn", 10, required: true, errors);
        var note = RequestFields.Text(body, "note", 200, required: false, errors);
        if (errors.Count > 0)
        {
            throw LedgerProblem.Invalid("The transfer is invalid", errors);
        }
        return new HoursTransferRequest(hours!, toCommunity!, toVolunteerRef!, transferredOn!, note);
    }
}
