using System.Text.Json.Nodes;
using Ledger.Api.Access;
using Ledger.Api.Problems;
using Ledger.Api.Records;
using Ledger.Api.Records.Writing;
using Ledger.Core.Canonical;
using Ledger.Core.Records;
using Ledger.Core.Records.Types.SharedCommunity.ExpenseApproval;
using Ledger.Core.Records.Types.SharedCommunity.FundExpense;
using Ledger.Data;
using Ledger.Data.Projections;
using Ledger.Data.Records;
using Microsoft.Extensions.Options;

namespace Ledger.Api.Community;

/// <summary>
/// Fund expenses and their approvals. An expense above <see cref="CommunityOptions.DualApprovalThreshold"/> is stored
/// needing two approvals (the record says so) and counts only at the second, by two staff other than the recorder and
/// other than each other; the fund rule runs in the commit of whichever record makes it count.
/// </summary>
internal sealed class FundExpenses(RecordPipeline pipeline, LedgerDbContext db, IOptions<CommunityOptions> options)
{
    /// <summary>The rule's name when the recorder approves their own expense.</summary>
    public const string NotRecorderRule = "approver-not-recorder";

    /// <summary>Records an expense of the caller's community.</summary>
    /// <exception cref="LedgerProblem">400 for an invalid expense, 422 when it needs no approvals and the fund cannot pay it.</exception>
    public async Task<FundExpenseResult> RecordAsync(FundExpenseRequest request, Caller caller, CancellationToken ct)
    {
        var payload = new JsonObject
        {
            ["amount"] = request.Amount,
            ["purpose"] = request.Purpose,
            ["payeeCategory"] = request.PayeeCategory,
            ["receiptHash"] = request.ReceiptHash,
            ["paidOn"] = request.PaidOn,
            ["approvalsRequired"] = 0,
        };
        if (request.CorrectionOf is not null)
        {
            payload["correctionOf"] = request.CorrectionOf;
        }
        var errors = SharedCommunityFundExpense.Definition.Validate(payload);
        if (errors.Count > 0)
        {
            throw LedgerProblem.Invalid("The expense is invalid", errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
        }
        var approvals = ExactDecimals.Parse(request.Amount) > options.Value.DualApprovalThreshold ? 2 : 0;
        payload["approvalsRequired"] = approvals;
        var expense = await pipeline.WriteInternalAsync(SharedCommunityFundExpense.Definition, caller.Organisation, payload, caller.KeyId, null, "the expense", ct);
        return new FundExpenseResult(expense.Id, expense.RecordHash, approvals, approvals == 0, RecordsApi.LinksFor(expense));
    }

    /// <summary>Approves <paramref name="expense"/>, a fund-expense the caller's community issued.</summary>
    /// <exception cref="LedgerProblem">403 for its recorder, 409 for a second approval by one person, a third, or a revoked expense; 422 when the fund cannot pay it.</exception>
    public async Task<ExpenseApprovalResult> ApproveAsync(StoredRecord expense, Caller caller, CancellationToken ct)
    {
        var recorded = JsonNode.Parse(expense.EnvelopeJson)!["payload"]!.AsObject();
        var required = recorded["approvalsRequired"]!.GetValue<int>();
        if (required == 0)
        {
            throw LedgerProblem.Refused(new(SharedCommunityExpenseApproval.DistinctRule, Core.Records.Projections.RefusalKind.Conflict,
                "No approval needed", "This expense is within the dual-approval threshold; it counted when it was recorded."));
        }
        if (await CommunityAccess.IsSameStaffAsync(caller, expense.SubmittedBy, db, ct))
        {
            throw new LedgerProblem(StatusCodes.Status403Forbidden, "Recorder cannot approve",
                "An expense above the threshold is approved by two staff members other than the one who recorded it.") { Rule = NotRecorderRule };
        }
        var approvers = await SharedCommunityExpenseApproval.ApproversAsync(new ProjectionStore(db), expense.RecordHash, ct);
        var number = Math.Min(approvers.Count + 1, required);
        var payload = new JsonObject
        {
            ["expenseRecord"] = expense.RecordHash,
            ["amount"] = recorded["amount"]!.GetValue<string>(),
            ["approvalsRequired"] = required,
            ["approvalNumber"] = number,
            // The person, not the credential: one staff member with two keys is still one approver.
            ["approvedBy"] = caller.StaffId ?? caller.KeyId,
        };
        var approval = await pipeline.WriteInternalAsync(
            SharedCommunityExpenseApproval.Definition, expense.Issuer, payload, caller.KeyId,
            new NotRevokedEffects(expense.Id, "This fund expense was revoked; it cannot be approved."), "the approval", ct);
        return new ExpenseApprovalResult(approval.RecordHash, expense.RecordHash, number, number == required);
    }

    /// <summary>The expense type, for endpoint checks.</summary>
    public static RecordTypeDefinition Definition => SharedCommunityFundExpense.Definition;
}
