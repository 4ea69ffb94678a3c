using System.Text.Json.Nodes;
using Ledger.Core.Records.Projections;
using Ledger.Core.Records.Schemas;

namespace Ledger.Core.Records.Types.CommunityCorrection.LeaveApproval;

/// <summary>
/// community-correction/leave-approval: leave to go outside the city or county of residence (Community Correction Law
/// Art. 27). The judicial office's correction officers approve leaves of up to <see cref="OfficeMaxDays"/> days; a
/// longer one only the county-level judicial bureau's approvers. The record says at which level it was approved, so
/// whoever holds it can check that the approver was entitled; the ledger refuses a record that says otherwise.
/// </summary>
public static class CommunityCorrectionLeaveApproval
{
    /// <summary>The longest leave the office approves, in days (first and last day included).</summary>
    public const int OfficeMaxDays = 7;

    /// <summary>The limit's name, as a refusal names it.</summary>
    public const string OfficeLimit = "office-leave-at-most-7-days";

    /// <summary>The record type; L4 like every record of a case.</summary>
    public static RecordTypeDefinition Definition { get; } = new(
        RecordDomains.CommunityCorrection,
        "leave-approval",
        DataLevel.HighlySensitive,
        "Approval to leave the city or county: from, to and where; over 7 days only by the county-level judicial bureau.")
    {
        SubjectField = CorrectionPayloads.CaseRef,
        SubmittedBy = [CorrectionRoles.Officer, CorrectionRoles.BureauApprover],
        Versions =
        [
            new(1, PayloadSchema.Embedded(typeof(CommunityCorrectionLeaveApproval), "leave-approval.v1.schema.json"))
            {
                Chained = true,
                Rules = [CorrectionPayloads.NotBefore("to", "from")],
                Limits = [OfficeApprovesAtMostSevenDays],
                RoleRules = [LevelFitsTheApprover],
            },
        ],
    };

    /// <summary>The leave's length in days, first and last day included.</summary>
    public static int DaysOf(JsonObject payload) =>
        CorrectionCalendar.DaysIncluding(CorrectionPayloads.DateAt(payload, "from")!.Value, CorrectionPayloads.DateAt(payload, "to")!.Value);

    /// <summary>Whether a leave of this payload's length and level was within its approver's power.</summary>
    public static bool IsWithinApproversPower(JsonObject payload) =>
        payload["approvalLevel"]?.GetValue<string>() != "office" || DaysOf(payload) <= OfficeMaxDays;

    private static RuleRefusal? OfficeApprovesAtMostSevenDays(JsonObject payload) =>
        IsWithinApproversPower(payload)
            ? null
            : new RuleRefusal(OfficeLimit, RefusalKind.Unprocessable, "Leave too long for the office",
                $"A leave of {DaysOf(payload)} days is longer than the {OfficeMaxDays} days a judicial office may approve; it needs the county-level judicial bureau: a bureau approver submits it with approvalLevel bureau.");

    private static string? LevelFitsTheApprover(JsonObject payload, string role) =>
        (payload["approvalLevel"]?.GetValue<string>(), role) switch
        {
            ("bureau", not CorrectionRoles.BureauApprover) => "Only a bureau approver of the county-level judicial bureau approves a leave at bureau level.",
            ("office", not CorrectionRoles.Officer) => "A leave at office level is approved by the judicial office's correction officer; a bureau approver approves at bureau level.",
            _ => null,
        };
}
