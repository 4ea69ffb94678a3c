using System.Text.Json;
using Ledger.Core.Encoding;
using Ledger.Core.Merkle;
using Ledger.Data;
using Ledger.Data.Anchoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ledger.Api.Anchoring;

/// <summary>
/// Seals waiting records into a batch: fixes the Merkle root, assigns each record its proof, all in one transaction,
/// so a record is either in exactly one sealed batch or still waiting.
/// </summary>
public sealed class BatchSealer(LedgerDbContext db, TimeProvider time, IOptions<AnchoringOptions> options)
{
    /// <summary>Seals one batch if enough records wait or the oldest has waited long enough; returns it or null.</summary>
    public async Task<AnchorBatch?> SealDueAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var waiting = await db.Records
            .Where(r => r.BatchId == null)
            .OrderBy(r => r.ReceivedAtMs).ThenBy(r => r.Id)
            .Take(settings.MaxBatchSize)
            .ToListAsync(ct);
        if (waiting.Count == 0)
        {
            return null;
        }
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var oldestWaitedMs = now - waiting[0].ReceivedAtMs;
        if (waiting.Count < settings.MaxBatchSize && oldestWaitedMs < settings.BatchInterval.TotalMilliseconds)
        {
            return null;
        }

        var tree = MerkleTree.Build([.. waiting.Select(r => Hex.DecodeFixed(r.RecordHash, 32))]);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var batch = new AnchorBatch
        {
            Root = Hex.Encode(tree.Root),
            LeafCount = waiting.Count,
            State = BatchState.Sealed,
            SealedAtMs = now,
        };
        db.Batches.Add(batch);
        await db.SaveChangesAsync(ct);
        foreach (var record in waiting)
        {
            record.BatchId = batch.Id;
            var proof = tree.GetProof(Hex.DecodeFixed(record.RecordHash, 32)).Select(p => Hex.Encode(p));
            record.MerkleProofJson = JsonSerializer.Serialize(proof);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return batch;
    }
}
