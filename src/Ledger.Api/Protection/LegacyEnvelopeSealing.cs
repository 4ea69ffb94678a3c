using Ledger.Data;
using Ledger.Data.Locking;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Protection;

/// <summary>
/// Seals L2+ envelopes that a version before encryption at rest stored in plain text, once, at start. The plain text
/// is overwritten in the file (every connection runs with secure_delete) and the write-ahead log is checkpointed and truncated, so the old
/// text does not linger in free pages or old WAL frames; backups taken before are out of reach and keep it.
/// </summary>
internal static class LegacyEnvelopeSealing
{
    public static async Task<int> SealAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        var plain = await db.Records.AsNoTracking().Where(r => r.Level >= 2 && r.EnvelopeJson != "").ToListAsync(ct);
        if (plain.Count == 0)
        {
            return 0;
        }
        var vault = scope.ServiceProvider.GetRequiredService<EnvelopeVault>();
        await using (var tx = await db.Database.BeginWriteTransactionAsync(ct))
        {
            foreach (var record in plain)
            {
                var sealedRecord = await vault.SealAsync(record, ct);
                await db.Database.ExecuteSqlAsync(
                    $"UPDATE records SET envelope_json = '', sealed_envelope = {sealedRecord.SealedEnvelope}, data_key_id = {sealedRecord.DataKeyId} WHERE id = {record.Id}", ct);
            }
            await tx.CommitAsync(ct);
        }
        await SqliteHygiene.CheckpointAsync(db, ct);
        return plain.Count;
    }
}
