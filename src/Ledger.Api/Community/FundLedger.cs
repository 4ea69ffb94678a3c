using System.Globalization;
using System.Text.Json.Nodes;
using Ledger.Api.Access;
using Ledger.Api.Problems;
using Ledger.Api.Records.Writing;
using Ledger.Core.Canonical;
using Ledger.Core.Records;
using Ledger.Core.Records.Types.SharedCommunity.FundStatement;
using Ledger.Data;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Community;

/// <summary>
/// A community's fund as its public records give it: every income and every expense that counts, each in the month
/// (China Standard Time) it entered the balance — its own commit, or its second approval's. Months follow the ledger's
/// clock, so once a month is over nothing new can land in it; closing it anchors a fund-statement whose Merkle root
/// anyone can recompute from the entries listed here. All of it is L1: read from the public envelopes, no key needed.
/// </summary>
internal sealed class FundLedger(LedgerDbContext db, RecordPipeline pipeline, TimeProvider time)
{
    /// <summary>China Standard Time, which has no daylight saving: the committees' months.</summary>
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    // Closing waits this long after the month ends, for records accepted just before midnight still in the queue.
    private static readonly TimeSpan CloseGrace = TimeSpan.FromMinutes(5);

    private static readonly string[] FundTypes = ["fund-income", "fund-expense", "expense-approval", "fund-statement"];

    /// <summary>The month as the entries give it, with its statement's hash once closed.</summary>
    public async Task<FundMonthView> MonthAsync(string communityId, string month, CancellationToken ct)
    {
        var (start, end) = Bounds(month);
        var records = await RecordsAsync(communityId, ct);
        var entries = Entries(records, await RevocationsAsync(communityId, ct));
        var opening = Sum(entries.Where(e => e.CountedAt < start));
        var inMonth = entries.Where(e => e.CountedAt >= start && e.CountedAt < end).ToList();
        var income = inMonth.Where(e => e.Kind == "income").Sum(e => ExactDecimals.Parse(e.Amount));
        var expense = inMonth.Where(e => e.Kind == "expense").Sum(e => ExactDecimals.Parse(e.Amount));
        var statement = records.FirstOrDefault(r => r.Type == "fund-statement" && r.Payload["month"]!.GetValue<string>() == month);
        return new FundMonthView(communityId, month, ExactDecimals.Format(opening), ExactDecimals.Format(income), ExactDecimals.Format(expense),
            ExactDecimals.Format(opening + income - expense), TimebankAccounts.EntriesRoot([.. inMonth.Select(e => e.RecordHash)]), inMonth,
            statement?.RecordHash);
    }

    /// <summary>The fund's balance now, from the entries (the projection holds the same sum for the rules).</summary>
    public async Task<decimal> BalanceAsync(string communityId, CancellationToken ct) =>
        Sum(Entries(await RecordsAsync(communityId, ct), await RevocationsAsync(communityId, ct)));

    /// <summary>Closes a month that is over: anchors its fund-statement. A month is closed once (409).</summary>
    public async Task<FundMonthView> CloseAsync(string communityId, string month, Caller caller, CancellationToken ct)
    {
        var (_, end) = Bounds(month);
        if (time.GetUtcNow() < end + CloseGrace)
        {
            throw LedgerProblem.Refused(new(ClosingRule, Core.Records.Projections.RefusalKind.Unprocessable, "Month not over",
                $"{month} ends at {end.ToOffset(ChinaOffset):yyyy-MM-dd HH:mm} China Standard Time; it can be closed a few minutes after that."));
        }
        var view = await MonthAsync(communityId, month, ct);
        var payload = new JsonObject
        {
            ["month"] = month,
            ["openingBalance"] = view.OpeningBalance,
            ["totalIncome"] = view.TotalIncome,
            ["totalExpense"] = view.TotalExpense,
            ["closingBalance"] = view.ClosingBalance,
            ["entryCount"] = view.Entries.Count,
            ["entriesRoot"] = view.EntriesRoot,
        };
        var statement = await pipeline.WriteInternalAsync(
            SharedCommunityFundStatement.Definition, communityId, payload, caller.KeyId, effects: null, "the fund statement", ct);
        return view with { StatementRecord = statement.RecordHash };
    }

    /// <summary>The rule's name when a month is closed too early.</summary>
    public const string ClosingRule = "month-not-over";

    /// <summary>The month's first instant and the next month's, in China Standard Time; 400 for text that is not YYYY-MM.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Bounds(string month)
    {
        if (month.Length != 7 || !DateTime.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
        {
            throw LedgerProblem.InvalidQuery("month", "Must be a month, YYYY-MM (e.g. 2026-03).");
        }
        var start = new DateTimeOffset(first, ChinaOffset);
        return (start, start.AddMonths(1));
    }

    /// <summary>The month (YYYY-MM, China Standard Time) an instant falls in.</summary>
    public static string MonthOf(DateTimeOffset instant) => instant.ToOffset(ChinaOffset).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static decimal Sum(IEnumerable<FundEntry> entries) =>
        entries.Sum(e => e.Kind == "income" ? ExactDecimals.Parse(e.Amount) : -ExactDecimals.Parse(e.Amount));

    // Income counts when committed; an expense when committed if it needs no approvals, else at its last approval.
    // A revoked entry that counted is reversed when it was revoked, by an entry going the other way.
    private static List<FundEntry> Entries(List<FundRecord> records, Dictionary<string, Revoked> revocations)
    {
        var expenses = records.Where(r => r.Type == "fund-expense").ToDictionary(r => r.RecordHash);
        var approvals = records.Where(r => r.Type == "expense-approval")
            .GroupBy(r => r.Payload["expenseRecord"]!.GetValue<string>())
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Payload["approvalNumber"]!.GetValue<int>()).ToList());
        var entries = new List<FundEntry>();
        foreach (var record in records)
        {
            if (record.Type == "fund-income")
            {
                entries.Add(Entry(record, "income", record.Payload["source"]!.GetValue<string>(), record.At, []));
            }
            else if (record.Type == "fund-expense" && record.Payload["approvalsRequired"]!.GetValue<int>() == 0)
            {
                entries.Add(Entry(record, "expense", record.Payload["payeeCategory"]!.GetValue<string>(), record.At, []));
            }
            else if (record.Type == "expense-approval"
                && record.Payload["approvalNumber"]!.GetValue<int>() == record.Payload["approvalsRequired"]!.GetValue<int>()
                && expenses.TryGetValue(record.Payload["expenseRecord"]!.GetValue<string>(), out var expense))
            {
                var by = approvals[expense.RecordHash].Select(a => a.RecordHash).ToList();
                entries.Add(Entry(expense, "expense", expense.Payload["payeeCategory"]!.GetValue<string>(), record.At, by));
            }
        }
        foreach (var counted in entries.ToList())
        {
            if (revocations.TryGetValue(counted.RecordHash, out var revoked))
            {
                entries.Add(new FundEntry(revoked.RevocationHash, counted.Kind == "income" ? "expense" : "income", counted.Amount, "revocation",
                    $"撤销 Revokes {counted.RecordHash}", revoked.At, [], counted.RecordHash));
            }
        }
        return [.. entries.OrderBy(e => e.CountedAt)];
    }

    // The revocations of the community's fund records, whoever issued them: revoked hash → revocation hash and time.
    private async Task<Dictionary<string, Revoked>> RevocationsAsync(string communityId, CancellationToken ct)
    {
        var rows = await db.Revocations.AsNoTracking()
            .Join(db.Records, v => v.RevokedRecordId, r => r.Id, (v, r) => new { v.Id, v.RevokedAtMs, r.RecordHash, r.Issuer, r.Domain, r.Type })
            .Where(x => x.Issuer == communityId && x.Domain == RecordDomains.SharedCommunity && FundTypes.Contains(x.Type))
            .Join(db.Records, x => x.Id, e => e.Id, (x, e) => new { Revoked = x.RecordHash, Revocation = e.RecordHash, x.RevokedAtMs })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Revoked, r => new Revoked(r.Revocation, DateTimeOffset.FromUnixTimeMilliseconds(r.RevokedAtMs)));
    }

    private sealed record Revoked(string RevocationHash, DateTimeOffset At);

    private static FundEntry Entry(FundRecord record, string kind, string category, DateTimeOffset at, IReadOnlyList<string> approvals) =>
        new(record.RecordHash, kind, ExactDecimals.Format(ExactDecimals.Parse(record.Payload["amount"]!.GetValue<string>())), category,
            record.Payload["purpose"]!.GetValue<string>(), at, approvals);

    private async Task<List<FundRecord>> RecordsAsync(string communityId, CancellationToken ct)
    {
        var rows = await db.Records.AsNoTracking()
            .Where(r => r.Issuer == communityId && r.Domain == RecordDomains.SharedCommunity && FundTypes.Contains(r.Type) && r.EnvelopeJson != "")
            .Select(r => new { r.Type, r.RecordHash, r.ReceivedAtMs, r.EnvelopeJson, r.Id })
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => r.ReceivedAtMs).ThenBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => new FundRecord(r.Type, r.RecordHash, DateTimeOffset.FromUnixTimeMilliseconds(r.ReceivedAtMs),
                JsonNode.Parse(r.EnvelopeJson)!["payload"]!.AsObject()))];
    }

    private sealed record FundRecord(string Type, string RecordHash, DateTimeOffset At, JsonObject Payload);
}
