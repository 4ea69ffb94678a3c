using System.Text.Json.Nodes;
using Ledger.Core.Canonical;
using Ledger.Core.Records.Projections;
using Ledger.Core.Records.Types.SharedCommunity.ExpenseApproval;
using Ledger.Core.Records.Types.SharedCommunity.Fund;
using Ledger.Core.Records.Types.SharedCommunity.ServiceConfirmation;
using Ledger.Core.Records.Types.SharedCommunity.TimeBank;

namespace Ledger.Core.Records.Types.SharedCommunity.Revocations;

/// <summary>
/// What revoking a time-bank or fund entry does to the balances: the entry stops counting, in the revocation's own
/// commit. A service record's hours leave the balance (or the pending hours), a redemption's hours come back, a
/// transfer is undone on both sides, an income leaves the fund and an expense that counted returns to it. Whatever
/// would take a balance below zero — revoking hours or income already spent — is refused by the same rules that
/// guard spending (<c>balance-not-negative</c>, <c>fund-not-negative</c>), naming the balance. The parts of an entry
/// (a confirmation, an approval, the receiving half of a transfer) are not revoked on their own: revoking the entry
/// undoes them with it (<c>revoke-the-entry</c>). Everything is read from the revoked record and projection rows, so a
/// rebuild replays the revocation at its place in commit order and reaches the same rows.
/// </summary>
public static class RevokedEntries
{
    /// <summary>The rule refusing to revoke a part of an entry on its own.</summary>
    public const string WholeEntryRule = "revoke-the-entry";

    /// <summary>The row naming the receiver of each transfer (by the transfer's hash), written with its hours-received.</summary>
    public const string ReceiptsName = "timebank-transfer-receipts";

    private static readonly HashSet<string> Reversible =
        ["volunteer-service", "hours-redemption", "hours-transfer", "fund-income", "fund-expense", "service-confirmation", "hours-received", "expense-approval"];

    /// <summary>Whether revoking a record of this type changes a balance (or is refused for being part of an entry).</summary>
    public static bool Concerns(string domain, string type) => domain == RecordDomains.SharedCommunity && Reversible.Contains(type);

    /// <summary>Refuses the revocation when its reversal would break a rule; null to let it through. Reads only.</summary>
    public static async Task<RuleRefusal?> CheckAsync(CommittingRecord revoked, string revokedHash, IProjectionState state, CancellationToken ct)
    {
        var payload = revoked.Payload;
        switch (revoked.Definition.Type)
        {
            case "service-confirmation":
                return Whole("a volunteer-service record's confirmation", "the volunteer-service record " + payload["serviceRecord"]);
            case "hours-received":
                return Whole("the receiving half of a transfer", "the hours-transfer record " + payload["transferRecord"]);
            case "expense-approval":
                return Whole("an approval of a fund expense", "the fund-expense record " + payload["expenseRecord"]);
            case "volunteer-service" when await SharedCommunityServiceConfirmation.IsConfirmedAsync(state, revokedHash, ct):
                return await HoursOutAsync(state, revoked.RequiredSubjectDigest, TimebankBalance.HoursOf(payload), "the volunteer's", ct);
            case "hours-transfer":
                return await state.GetAsync(ReceiptsName, revokedHash, ct) is { } receipt
                    ? await HoursOutAsync(state, receipt["receiver"]!.GetValue<string>(), TimebankBalance.HoursOf(payload), "the receiver's", ct)
                    : new RuleRefusal(WholeEntryRule, RefusalKind.Conflict, "Transfer receipt unknown",
                        "The receiving half of this transfer is not in the projections; run ledger projections rebuild, then revoke again.");
            case "fund-income":
                var balance = await CommunityFund.BalanceAsync(state, revoked.Issuer, ct);
                var amount = CommunityFund.AmountOf(payload);
                return amount <= balance
                    ? null
                    : new RuleRefusal(CommunityFund.RuleName, RefusalKind.Unprocessable, "Not enough money in the community fund",
                        $"Revoking this income of {ExactDecimals.Format(amount)} yuan would take the community fund below zero: the balance is {ExactDecimals.Format(balance)} yuan. Record an expense correction instead, or revoke what was paid from it first.");
            default:
                return null;
        }
    }

    /// <summary>Undoes the revoked entry's effect on the projections; runs once <see cref="CheckAsync"/> let it through.</summary>
    public static async Task ApplyAsync(CommittingRecord revoked, string revokedHash, IProjectionState state, CancellationToken ct)
    {
        var payload = revoked.Payload;
        switch (revoked.Definition.Type)
        {
            case "volunteer-service":
                var confirmed = await SharedCommunityServiceConfirmation.IsConfirmedAsync(state, revokedHash, ct);
                var hours = TimebankBalance.HoursOf(payload);
                await TimebankBalance.ChangeAsync(state, revoked.RequiredSubjectDigest, confirmed ? -hours : 0m, confirmed ? 0m : -hours, ct);
                break;
            case "hours-redemption":
                await TimebankBalance.ChangeAsync(state, revoked.RequiredSubjectDigest, TimebankBalance.HoursOf(payload), 0m, ct);
                break;
            case "hours-transfer":
                var receipt = await state.GetAsync(ReceiptsName, revokedHash, ct);
                await TimebankBalance.ChangeAsync(state, revoked.RequiredSubjectDigest, TimebankBalance.HoursOf(payload), 0m, ct);
                await TimebankBalance.ChangeAsync(state, receipt!["receiver"]!.GetValue<string>(), -TimebankBalance.HoursOf(payload), 0m, ct);
                break;
            case "fund-income":
                await CommunityFund.ChangeAsync(state, revoked.Issuer, -CommunityFund.AmountOf(payload), ct);
                break;
            case "fund-expense" when await CountsAsync(payload, revokedHash, state, ct):
                await CommunityFund.ChangeAsync(state, revoked.Issuer, CommunityFund.AmountOf(payload), ct);
                break;
        }
    }

    /// <summary>Whether a fund expense counts in the balance: it needed no approvals, or it has all it needs.</summary>
    public static async Task<bool> CountsAsync(JsonObject expense, string expenseHash, IProjectionState state, CancellationToken ct)
    {
        var required = expense["approvalsRequired"]!.GetValue<int>();
        return required == 0 || (await SharedCommunityExpenseApproval.ApproversAsync(state, expenseHash, ct)).Count >= required;
    }

    private static RuleRefusal Whole(string part, string entry) =>
        new(WholeEntryRule, RefusalKind.Conflict, "Revoke the whole entry",
            $"This is {part}; it is not revoked on its own. Revoke {entry} instead: its effect on the balance is reversed with it.");

    private static async Task<RuleRefusal?> HoursOutAsync(IProjectionState state, string digest, decimal hours, string whose, CancellationToken ct)
    {
        var balance = await TimebankBalance.BalanceAsync(state, digest, ct);
        return hours <= balance
            ? null
            : new RuleRefusal(TimebankBalance.RuleName, RefusalKind.Unprocessable, "Not enough time-bank hours",
                $"Revoking this entry would take {ExactDecimals.Format(hours)} hours from {whose} time-bank balance and below zero: the balance is {ExactDecimals.Format(balance)} hours. The hours were already spent; revoke what spent them first.");
    }
}
