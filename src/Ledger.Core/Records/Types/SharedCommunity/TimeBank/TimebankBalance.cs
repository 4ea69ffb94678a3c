using System.Text.Json.Nodes;
using Ledger.Core.Canonical;
using Ledger.Core.Records.Projections;

namespace Ledger.Core.Records.Types.SharedCommunity.TimeBank;

/// <summary>
/// The <c>timebank-balance</c> projection: each volunteer's confirmed hours (the balance they may spend) and pending
/// hours at each issuing organisation, and the rule that a redemption or transfer may not take the balance below zero.
/// volunteer-service adds pending hours; its service-confirmation by a second person moves them to the balance;
/// hours-redemption and hours-transfer spend the balance; hours-received (the other half of a transfer) adds to it.
/// Rows are keyed by the record's subject digest — the keyed digest of issuing organisation, domain and volunteerRef —
/// so the reference itself is never stored in clear, and erasing the volunteer deletes the row with the records. Sums
/// are exact (<see cref="ExactDecimals"/>), and every change is read from the records alone, so a rebuild replays it.
/// </summary>
public static class TimebankBalance
{
    /// <summary>The projection's name, as its rows are stored.</summary>
    public const string Name = "timebank-balance";

    /// <summary>The rule's name, as a refusal names it.</summary>
    public const string RuleName = "balance-not-negative";

    /// <summary>Credits pending and confirmed hours and debits spent hours.</summary>
    public static RecordProjection Projection { get; } = new(Name, ApplyAsync);

    /// <summary>Refuses spending more hours than the volunteer's confirmed balance (422, naming the balance).</summary>
    public static StatefulRule NotNegative { get; } = new(RuleName, CheckAsync);

    /// <summary>The volunteer's confirmed balance in hours; zero before the first record.</summary>
    public static async Task<decimal> BalanceAsync(IProjectionState state, string subjectDigest, CancellationToken ct) =>
        (await AccountAsync(state, subjectDigest, ct)).Balance;

    /// <summary>The volunteer's confirmed balance and the hours recorded but not yet confirmed.</summary>
    public static async Task<TimebankAccount> AccountAsync(IProjectionState state, string subjectDigest, CancellationToken ct) =>
        await state.GetAsync(Name, subjectDigest, ct) is { } row
            ? new TimebankAccount(ExactDecimals.Parse(row["hours"]!.GetValue<string>()),
                row["pending"] is { } pending ? ExactDecimals.Parse(pending.GetValue<string>()) : 0m)
            : new TimebankAccount(0m, 0m);

    /// <summary>The hours a time-bank record names, read from the text as written, never through a double.</summary>
    public static decimal HoursOf(JsonObject payload)
    {
        var hours = payload["hours"]!.AsValue();
        return ExactDecimals.Parse(hours.TryGetValue<string>(out var text) ? text : hours.ToJsonString());
    }

    /// <summary>Moves the volunteer's balance and pending hours by the given changes (a revocation's reversal uses it too).</summary>
    public static async Task ChangeAsync(IProjectionState state, string subjectDigest, decimal balanceChange, decimal pendingChange, CancellationToken ct)
    {
        var account = await AccountAsync(state, subjectDigest, ct);
        var row = new JsonObject
        {
            ["hours"] = ExactDecimals.Format(account.Balance + balanceChange),
            ["pending"] = ExactDecimals.Format(account.Pending + pendingChange),
        };
        await state.PutAsync(Name, subjectDigest, row, subjectDigest, ct);
    }

    private static async Task<RuleRefusal?> CheckAsync(CommittingRecord record, IProjectionState state, CancellationToken ct)
    {
        var balance = await BalanceAsync(state, record.RequiredSubjectDigest, ct);
        var hours = HoursOf(record.Payload);
        var spending = record.Definition.Type == "hours-transfer" ? "Transferring" : "Redeeming";
        return hours <= balance
            ? null
            : new RuleRefusal(RuleName, RefusalKind.Unprocessable, "Not enough time-bank hours",
                $"{spending} {ExactDecimals.Format(hours)} hours would take the volunteer's time-bank balance below zero: the balance is {ExactDecimals.Format(balance)} hours.");
    }

    private static async Task ApplyAsync(CommittingRecord record, IProjectionState state, CancellationToken ct)
    {
        var digest = record.RequiredSubjectDigest;
        var hours = HoursOf(record.Payload);
        var (balanceChange, pendingChange) = record.Definition.Type switch
        {
            "volunteer-service" => (0m, hours),
            "service-confirmation" => (hours, -hours),
            "hours-redemption" or "hours-transfer" => (-hours, 0m),
            "hours-received" => (hours, 0m),
            _ => throw new InvalidOperationException($"{record.Definition.Name} does not change a time-bank balance."),
        };
        await ChangeAsync(state, digest, balanceChange, pendingChange, ct);
        if (record.Definition.Type == "hours-received")
        {
            // Who received a transfer, by the transfer's hash: revoking the transfer takes the hours back from them.
            await state.PutAsync(Revocations.RevokedEntries.ReceiptsName, record.Payload["transferRecord"]!.GetValue<string>(),
                new JsonObject { ["receiver"] = digest, ["hours"] = ExactDecimals.Format(hours) }, digest, ct);
        }
    }
}

/// <summary>A volunteer's time-bank account at one community.</summary>
/// <param name="Balance">Confirmed hours not yet spent: what a redemption or transfer may take.</param>
/// <param name="Pending">Hours recorded but not yet confirmed by a second person; they count once confirmed.</param>
public sealed record TimebankAccount(decimal Balance, decimal Pending);
