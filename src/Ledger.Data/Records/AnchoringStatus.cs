using Ledger.Data.Anchoring;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Data.Records;

/// <summary>
/// A record's anchoring status (pending, anchored or confirmed), read from its batch's state, where it is kept: one
/// row per batch rather than one per record, so a batch's move rewrites none of its records
/// (<see cref="BatchState.RecordStatus"/>).
/// </summary>
public static class AnchoringStatus
{
    private static readonly Func<LedgerDbContext, long, CancellationToken, Task<string?>> StateOf = CompiledQuery.Of(
        (LedgerDbContext db, long batchId, CancellationToken ct) =>
            db.Batches.AsNoTracking().Where(b => b.Id == batchId).Select(b => b.State).SingleOrDefault());

    /// <summary>The state of <paramref name="record"/>'s batch, or null while it waits for one.</summary>
    public static async Task<string?> BatchStateOfAsync(LedgerDbContext db, StoredRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.BatchId is { } id ? await StateOf(db, id, ct) : null;
    }

    /// <summary>The states of the batches of <paramref name="records"/>, read in one query, for <see cref="In"/>.</summary>
    public static async Task<IReadOnlyDictionary<long, string>> BatchStatesAsync(
        LedgerDbContext db, IEnumerable<StoredRecord> records, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = records.Select(r => r.BatchId).OfType<long>().Distinct().ToList();
        return ids.Count == 0
            ? new Dictionary<long, string>()
            : await db.Batches.AsNoTracking().Where(b => ids.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.State, ct);
    }

    /// <summary>The state of <paramref name="record"/>'s batch among those <see cref="BatchStatesAsync"/> read.</summary>
    public static string? In(IReadOnlyDictionary<long, string> batchStates, StoredRecord record)
    {
        ArgumentNullException.ThrowIfNull(batchStates);
        ArgumentNullException.ThrowIfNull(record);
        return record.BatchId is { } id ? batchStates.GetValueOrDefault(id) : null;
    }
}
