using System.Text.Json.Nodes;
using Ledger.Core.Canonical;
using Ledger.Core.Records.Projections;

namespace Ledger.Core.Records.Types.SharedCommunity.TimeBank;

/// <summary>
/// The <c>timebank-balance</c> projection: each volunteer's hours at each issuing organisation, credited by
/// shared-community/volunteer-service and debited by shared-community/hours-redemption, and the rule that a redemption
/// may not take the balance below zero. Rows are keyed by the record's subject digest — the keyed digest of issuing
/// organisation, domain and volunteerRef — so the reference itself is never stored in clear, and erasing the volunteer
/// deletes the balance with the records. Sums are exact (<see cref="ExactDecimals"/>).
/// </summary>
/// <remarks>
/// Today every committed volunteer-service record counts, pending or not. Issue #13 will count only hours whose record
/// is confirmed on chain; that changes the credit, not the rule.
/// </remarks>
public static class TimebankBalance
{
    /// <summary>The projection's name, as its rows are stored.</summary>
    public const string Name = "timebank-balance";

    /// <summary>The rule's name, as a refusal names it.</summary>
    public const string RuleName = "balance-not-negative";

    /// <summary>Credits volunteer-service hours and debits redeemed hours.</summary>
    public static RecordProjection Projection { get; } = new(Name, ApplyAsync);

    /// <summary>Refuses a redemption of more hours than the volunteer's balance (422, naming the balance).</summary>
    public static StatefulRule NotNegative { get; } = new(RuleName, CheckAsync);

    /// <summary>The volunteer's balance in hours; zero before the first record.</summary>
    public static async Task<decimal> BalanceAsync(IProjectionState state, string subjectDigest, CancellationToken ct) =>
        await state.GetAsync(Name, subjectDigest, ct) is { } row ? ExactDecimals.Parse(row["hours"]!.GetValue<string>()) : 0m;

    private static async Task<RuleRefusal?> CheckAsync(CommittingRecord record, IProjectionState state, CancellationToken ct)
    {
        var balance = await BalanceAsync(state, record.RequiredSubjectDigest, ct);
        var hours = HoursOf(record);
        return hours <= balance
            ? null
            : new RuleRefusal(RuleName, RefusalKind.Unprocessable, "Not enough time-bank hours",
                $"Redeeming {ExactDecimals.Format(hours)} hours would take the volunteer's time-bank balance below zero: the balance is {ExactDecimals.Format(balance)} hours.");
    }

    private static async Task ApplyAsync(CommittingRecord record, IProjectionState state, CancellationToken ct)
    {
        var digest = record.RequiredSubjectDigest;
        var change = record.Definition.Type == "hours-redemption" ? -HoursOf(record) : HoursOf(record);
        var balance = await BalanceAsync(state, digest, ct) + change;
        await state.PutAsync(Name, digest, new JsonObject { ["hours"] = ExactDecimals.Format(balance) }, digest, ct);
    }

    // volunteer-service sends hours as a JSON number, hours-redemption as exact-decimal text: both are read from the
    // text as written, never through a double.
    private static decimal HoursOf(CommittingRecord record)
    {
        var hours = record.Payload["hours"]!.AsValue();
        return ExactDecimals.Parse(hours.TryGetValue<string>(out var text) ? text : hours.ToJsonString());
    }
}
