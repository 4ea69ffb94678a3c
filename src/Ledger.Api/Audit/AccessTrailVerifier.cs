using System.Text.Json.Nodes;
using Ledger.Api.Problems;
using Ledger.Api.Protection;
using Ledger.Core.Proofs;
using Ledger.Core.Records;
using Ledger.Core.Records.Types.Internal.Access;
using Ledger.Data;
using Ledger.Data.Anchoring;
using Ledger.Data.Audit;
using Ledger.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Audit;

/// <summary>
/// Walks the whole trail and checks that it is complete and unaltered: no gaps in the sequence, every entry names its
/// predecessor's hash, every entry's record exists, opens, hashes to the entry hash and repeats the link and the read
/// record; every ledger/access record is in the trail; and every batch still holds the records it anchored, so an
/// entry deleted together with its record after anchoring is caught by the count the chain recorded.
/// </summary>
internal sealed class AccessTrailVerifier(LedgerDbContext db, EnvelopeVault vault)
{
    private const int PageSize = 500;
    private const int MaxProblems = 100;

    public async Task<AccessTrailVerification> VerifyAsync(CancellationToken ct)
    {
        var walk = new Walk();
        var after = 0L;
        while (true)
        {
            var page = await db.AccessTrail.AsNoTracking().Where(e => e.Sequence > after).OrderBy(e => e.Sequence).Take(PageSize).ToListAsync(ct);
            if (page.Count == 0)
            {
                break;
            }
            var ids = page.Select(e => e.EntryRecordId).ToList();
            var records = await db.Records.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
            var batchStates = await AnchoringStatus.BatchStatesAsync(db, records.Values, ct);
            foreach (var entry in page)
            {
                await CheckAsync(walk, entry, records.GetValueOrDefault(entry.EntryRecordId), batchStates, ct);
                after = entry.Sequence;
            }
        }
        var accessRecords = await db.Records.CountAsync(r => r.Domain == RecordDomains.Ledger && r.Type == LedgerAccessEntry.Definition.Type, ct);
        if (accessRecords > walk.Entries)
        {
            walk.Problem($"{accessRecords - walk.Entries} access records are not in the trail.");
        }
        var shortBatches = await db.Batches.AsNoTracking()
            .Select(b => new { b.Id, b.LeafCount, Held = db.Records.Count(r => r.BatchId == b.Id) })
            .Where(b => b.Held != b.LeafCount)
            .ToListAsync(ct);
        // The sealer writes a batch, then assigns its records in slices, and completes the newest batch before it
        // plans another (BatchSealer): the newest batch is short while that runs, and then its missing members are
        // all still waiting, found by their hashes in its tree. A member that is neither assigned nor waiting is lost.
        var newest = await db.Batches.AsNoTracking().MaxAsync(b => (long?)b.Id, ct);
        foreach (var batch in shortBatches)
        {
            var missing = batch.LeafCount - batch.Held;
            if (batch.Id == newest && missing > 0
                && (await Anchoring.BatchSealer.WaitingMembersAsync(db, batch.Id, missing, ct)).Count == missing)
            {
                continue;
            }
            walk.Problem($"Batch {batch.Id} anchored {batch.LeafCount} records but {batch.Held} are stored.");
        }
        return new AccessTrailVerification(walk.Problems.Count == 0, walk.Entries, walk.Previous, walk.Pending, walk.Anchored, walk.Confirmed, walk.Problems);
    }

    private async Task CheckAsync(Walk walk, AccessTrailEntry entry, StoredRecord? record, IReadOnlyDictionary<long, string> batchStates, CancellationToken ct)
    {
        walk.Entries++;
        var n = entry.Sequence;
        if (n != walk.Expected)
        {
            walk.Problem(n > walk.Expected ? $"Entries {walk.Expected} to {n - 1} are missing." : $"Entry {n} is out of order.");
        }
        if (entry.PreviousHash != walk.Previous)
        {
            walk.Problem($"Entry {n} does not link to the entry before it.");
        }
        walk.Previous = entry.EntryHash;
        walk.Expected = n + 1;
        if (record is null)
        {
            walk.Problem($"Entry {n}: its record {entry.EntryRecordId} is missing.");
            return;
        }
        walk.Count(BatchState.RecordStatus(AnchoringStatus.In(batchStates, record)));
        if (record.Domain != RecordDomains.Ledger || record.Type != LedgerAccessEntry.Definition.Type || record.RecordHash != entry.EntryHash)
        {
            walk.Problem($"Entry {n}: its record is not the access record with the entry's hash.");
            return;
        }
        JsonObject payload;
        try
        {
            var envelope = await vault.OpenAsync(record, ct);
            if (envelope is null)
            {
                walk.Problem($"Entry {n}: its record's payload is gone.");
                return;
            }
            payload = JsonNode.Parse(envelope)!["payload"]!.AsObject();
        }
        catch (LedgerProblem)
        {
            walk.Problem($"Entry {n}: its record was altered (it does not open, or does not match its hash).");
            return;
        }
        if (payload["previous"]?.GetValue<string>() != entry.PreviousHash || payload["recordId"]?.GetValue<string>() != entry.ReadRecordId)
        {
            walk.Problem($"Entry {n}: the index row differs from its signed record (link or read record changed).");
        }
    }

    private sealed class Walk
    {
        public long Entries { get; set; }
        public long Expected { get; set; } = 1;
        public string Previous { get; set; } = LedgerAccessEntry.Genesis;
        public long Pending { get; private set; }
        public long Anchored { get; private set; }
        public long Confirmed { get; private set; }
        public List<string> Problems { get; } = [];

        public void Problem(string problem)
        {
            if (Problems.Count < MaxProblems)
            {
                Problems.Add(problem);
            }
        }

        public void Count(string status)
        {
            switch (status)
            {
                case RecordStatus.Confirmed: Confirmed++; break;
                case RecordStatus.Anchored: Anchored++; break;
                default: Pending++; break;
            }
        }
    }
}
