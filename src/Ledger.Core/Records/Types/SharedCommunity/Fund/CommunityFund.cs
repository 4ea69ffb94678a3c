using System.Text.Json.Nodes;
using Ledger.Core.Canonical;
using Ledger.Core.Records.Projections;

namespace Ledger.Core.Records.Types.SharedCommunity.Fund;

/// <summary>
/// The <c>community-fund</c> projection: each community's fund balance in yuan, and the rule that it never goes
/// negative. fund-income adds to it; a fund-expense takes from it when it counts — at once when it needs no approvals,
/// otherwise when its last expense-approval is stored. Every amount is read from the records alone (an expense names
/// how many approvals it needs, an approval the amount and how many are needed), so a rebuild arrives at the same rows.
/// </summary>
public static class CommunityFund
{
    /// <summary>The projection's name, as its rows are stored.</summary>
    public const string Name = "community-fund";

    /// <summary>The rule's name, as a refusal names it.</summary>
    public const string RuleName = "fund-not-negative";

    /// <summary>Keeps the balance: credits income, debits expenses once they count.</summary>
    public static RecordProjection Projection { get; } = new(Name, ApplyAsync);

    /// <summary>Refuses an expense (or the approval that makes one count) the balance does not cover: 422 with the balance.</summary>
    public static StatefulRule NotNegative { get; } = new(RuleName, CheckAsync);

    /// <summary>The community's fund balance in yuan; zero before its first entry.</summary>
    public static async Task<decimal> BalanceAsync(IProjectionState state, string community, CancellationToken ct) =>
        await state.GetAsync(Name, community, ct) is { } row ? ExactDecimals.Parse(row["balance"]!.GetValue<string>()) : 0m;

    /// <summary>The amount of a fund record, exact.</summary>
    public static decimal AmountOf(JsonObject payload) => ExactDecimals.Parse(payload["amount"]!.GetValue<string>());

    /// <summary>Whether this record makes an expense count now: an expense without approvals, or the last approval.</summary>
    public static bool Spends(CommittingRecord record) => record.Definition.Type switch
    {
        "fund-expense" => record.Payload["approvalsRequired"]!.GetValue<int>() == 0,
        "expense-approval" => record.Payload["approvalNumber"]!.GetValue<int>() == record.Payload["approvalsRequired"]!.GetValue<int>(),
        _ => false,
    };

    private static async Task<RuleRefusal?> CheckAsync(CommittingRecord record, IProjectionState state, CancellationToken ct)
    {
        if (!Spends(record))
        {
            return null;
        }
        var balance = await BalanceAsync(state, record.Issuer, ct);
        var amount = AmountOf(record.Payload);
        return amount <= balance
            ? null
            : new RuleRefusal(RuleName, RefusalKind.Unprocessable, "Not enough money in the community fund",
                $"Paying {ExactDecimals.Format(amount)} yuan would take the community fund below zero: the balance is {ExactDecimals.Format(balance)} yuan.");
    }

    private static async Task ApplyAsync(CommittingRecord record, IProjectionState state, CancellationToken ct)
    {
        var change = record.Definition.Type == "fund-income" ? AmountOf(record.Payload)
            : Spends(record) ? -AmountOf(record.Payload)
            : 0m;
        if (change != 0m)
        {
            await ChangeAsync(state, record.Issuer, change, ct);
        }
    }

    /// <summary>Moves the community's fund balance by <paramref name="change"/> yuan (a revocation's reversal uses it too).</summary>
    public static async Task ChangeAsync(IProjectionState state, string community, decimal change, CancellationToken ct)
    {
        var balance = await BalanceAsync(state, community, ct) + change;
        await state.PutAsync(Name, community, new JsonObject { ["balance"] = ExactDecimals.Format(balance) }, subjectDigest: null, ct);
    }
}
