using System.Text.Json.Nodes;
using Ledger.Core.Records.Projections;
using Ledger.Core.Records.Schemas;
using Ledger.Core.Records.Types.SharedCommunity.Fund;
using Ledger.Core.Records.Types.SharedCommunity.TimeBank;

namespace Ledger.Core.Records.Types.SharedCommunity.ExpenseApproval;

/// <summary>
/// shared-community/expense-approval: one of the two approvals a large fund-expense needs, by staff other than its
/// recorder and other than each other. The second one makes the expense count, under the fund rule.
/// </summary>
/// <remarks>
/// The <c>fund-approvals</c> rows, keyed by the expense's record hash, hold who approved so far; the rules read them
/// inside the commit, so two approvals racing each other cannot both be the first, or come from one person.
/// </remarks>
public static class SharedCommunityExpenseApproval
{
    /// <summary>The projection of approvals so far, one row per expense record hash.</summary>
    public const string ApprovalsName = "fund-approvals";

    /// <summary>The rule refusing a second approval by the same person, or one in the wrong order.</summary>
    public const string DistinctRule = "distinct-approvers";

    /// <summary>The record type; L1 like the fund it guards.</summary>
    public static RecordTypeDefinition Definition { get; } = new(
        RecordDomains.SharedCommunity,
        "expense-approval",
        DataLevel.Public,
        "One staff member's approval of a community-fund expense above the dual-approval threshold.")
    {
        Grants = CommunityStaff.ServiceWritten,
        Versions = [new(1, PayloadSchema.Embedded(typeof(SharedCommunityExpenseApproval), "expense-approval.v1.schema.json"))],
        StatefulRules = [new(DistinctRule, CheckDistinctAsync), CommunityFund.NotNegative],
        Projections = [CommunityFund.Projection, new(ApprovalsName, RememberAsync)],
    };

    /// <summary>Who approved the expense so far, in order.</summary>
    public static async Task<IReadOnlyList<string>> ApproversAsync(IProjectionState state, string expenseRecord, CancellationToken ct) =>
        await state.GetAsync(ApprovalsName, expenseRecord, ct) is { } row
            ? [.. row["approvers"]!.AsArray().Select(a => a!.GetValue<string>())]
            : [];

    private static async Task<RuleRefusal?> CheckDistinctAsync(CommittingRecord record, IProjectionState state, CancellationToken ct)
    {
        var approvers = await ApproversAsync(state, ExpenseOf(record), ct);
        var approver = record.Payload["approvedBy"]!.GetValue<string>();
        if (approvers.Contains(approver))
        {
            return new RuleRefusal(DistinctRule, RefusalKind.Conflict, "Already approved by you",
                "You have already approved this expense; it needs approvals from two different staff members.");
        }
        var number = record.Payload["approvalNumber"]!.GetValue<int>();
        return number == approvers.Count + 1
            ? null
            : new RuleRefusal(DistinctRule, RefusalKind.Conflict, "Approval out of date",
                $"This expense has {approvers.Count} approvals already; {(approvers.Count >= 2 ? "it needs no more" : "send the approval again")}.");
    }

    private static async Task RememberAsync(CommittingRecord record, IProjectionState state, CancellationToken ct)
    {
        var expense = ExpenseOf(record);
        var approvers = new JsonArray([.. (await ApproversAsync(state, expense, ct)).Select(a => (JsonNode)a!)]) { record.Payload["approvedBy"]!.GetValue<string>() };
        await state.PutAsync(ApprovalsName, expense, new JsonObject { ["approvers"] = approvers }, subjectDigest: null, ct);
    }

    private static string ExpenseOf(CommittingRecord record) => record.Payload["expenseRecord"]!.GetValue<string>();
}
