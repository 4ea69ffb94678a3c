using System.Text.Json.Nodes;
using Ledger.Api.Paging;
using Ledger.Api.Protection;
using Ledger.Data;
using Ledger.Data.Audit;
using Ledger.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Audit;

/// <summary>Reads trail entries back, opening each entry's sealed record for who, role, purpose.</summary>
internal sealed class AccessTrailReader(LedgerDbContext db, EnvelopeVault vault)
{
    /// <summary>Entries after <paramref name="after"/> about records issued in <paramref name="jurisdiction"/>.</summary>
    public async Task<AccessTrailPage> PageForJurisdictionAsync(string jurisdiction, long after, int limit, CancellationToken ct)
    {
        var rows = await (
            from e in db.AccessTrail.AsNoTracking()
            join read in db.Records.AsNoTracking() on e.ReadRecordId equals read.Id
            join o in db.Organisations.AsNoTracking() on read.Issuer equals o.Id
            join entry in db.Records.AsNoTracking() on e.EntryRecordId equals entry.Id
            where e.Sequence > after && o.AreaCode == jurisdiction
            orderby e.Sequence
            select new { Entry = e, Record = entry }).Take(limit + 1).ToListAsync(ct);
        return await PageAsync([.. rows.Select(r => (r.Entry, r.Record))], limit, ct);
    }

    /// <summary>Entries about one record.</summary>
    public async Task<AccessTrailPage> PageForRecordAsync(string recordId, long after, int limit, CancellationToken ct)
    {
        var rows = await (
            from e in db.AccessTrail.AsNoTracking()
            join entry in db.Records.AsNoTracking() on e.EntryRecordId equals entry.Id
            where e.Sequence > after && e.ReadRecordId == recordId
            orderby e.Sequence
            select new { Entry = e, Record = entry }).Take(limit + 1).ToListAsync(ct);
        return await PageAsync([.. rows.Select(r => (r.Entry, r.Record))], limit, ct);
    }

    private async Task<AccessTrailPage> PageAsync(List<(AccessTrailEntry Entry, StoredRecord Record)> rows, int limit, CancellationToken ct)
    {
        var items = new List<AccessTrailItem>();
        var batchStates = await AnchoringStatus.BatchStatesAsync(db, rows.Take(limit).Select(r => r.Record), ct);
        foreach (var (entry, record) in rows.Take(limit))
        {
            items.Add(await ItemAsync(entry, record, AnchoringStatus.In(batchStates, record), ct));
        }
        long? next = rows.Count > limit ? items[^1].Sequence : null;
        // Counting would walk the trail (through the records it names, for a jurisdiction), so there is no total.
        return new AccessTrailPage(items, next, new PageInfo(limit, next is { } n ? AccessTrailApi.CursorAfter(n) : null, Total: null));
    }

    private async Task<AccessTrailItem> ItemAsync(AccessTrailEntry entry, StoredRecord record, string? batchState, CancellationToken ct)
    {
        var payload = await vault.OpenAsync(record, ct) is { } text ? JsonNode.Parse(text)!["payload"]!.AsObject() : new JsonObject();
        string? Field(string name) => payload[name]?.GetValue<string>();
        return new AccessTrailItem(
            entry.Sequence, DateTimeOffset.FromUnixTimeMilliseconds(entry.ReadAtMs),
            Field("keyId") ?? "", Field("role") ?? "", Field("organisation") ?? "", Field("staffId"),
            entry.ReadRecordId, Field("recordHash") ?? "", Field("purpose"),
            entry.EntryRecordId, entry.EntryHash, entry.PreviousHash, record.PublicStatus(batchState));
    }
}
