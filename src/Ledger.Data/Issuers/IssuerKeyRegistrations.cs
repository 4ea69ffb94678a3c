using Microsoft.EntityFrameworkCore;

namespace Ledger.Data.Issuers;

/// <summary>A registration or retirement of an issuer key that rides in one batch's anchor transaction.</summary>
/// <param name="OrganisationId">The organisation the key signs for.</param>
/// <param name="Address">The key's address.</param>
/// <param name="Retire">True for a retirement, false for a registration.</param>
public sealed record IssuerKeyRegistration(string OrganisationId, string Address, bool Retire);

/// <summary>
/// Which issuer key changes ride in which batch. A change is attached to the first batch sealed after it, inside the
/// sealing transaction: a key is stored before any record it signs, so the batch that anchors a key's first records
/// (or an earlier one) always carries its registration, and the last records of a retired key are anchored no later
/// than its retirement.
/// </summary>
public static class IssuerKeyRegistrations
{
    /// <summary>Attaches every key change not yet attached to <paramref name="batchId"/>; call inside the sealing transaction.</summary>
    public static async Task AttachPendingAsync(LedgerDbContext db, long batchId, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync(
            $"UPDATE issuer_keys SET registered_in_batch = {batchId} WHERE registered_in_batch IS NULL", ct);
        await db.Database.ExecuteSqlAsync(
            $"UPDATE issuer_keys SET retired_in_batch = {batchId} WHERE retired_at_ms IS NOT NULL AND retired_in_batch IS NULL", ct);
    }

    /// <summary>
    /// For batches anchored again on another contract, whose registry starts empty: every key (current and retired)
    /// is registered again with <paramref name="firstBatchId"/>, the first of them to be sent. Retirements stay with
    /// the batch that anchored each key's last records, so a retired key stays valid exactly up to those records; one
    /// attached to an earlier batch (which cannot be sent before the registration) moves to that first batch.
    /// Retirements not attached yet wait for the next seal, as ever.
    /// </summary>
    public static async Task RegisterAllAgainWithAsync(LedgerDbContext db, long firstBatchId, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync($"UPDATE issuer_keys SET registered_in_batch = {firstBatchId}", ct);
        await db.Database.ExecuteSqlAsync(
            $"UPDATE issuer_keys SET retired_in_batch = {firstBatchId} WHERE retired_in_batch IS NOT NULL AND retired_in_batch < {firstBatchId}", ct);
    }

    /// <summary>The changes riding in <paramref name="batchId"/>, registrations before retirements, in a stable order.</summary>
    public static async Task<IReadOnlyList<IssuerKeyRegistration>> ForBatchAsync(LedgerDbContext db, long batchId, CancellationToken ct)
    {
        var keys = await db.IssuerKeys.AsNoTracking()
            .Where(k => k.RegisteredInBatch == batchId || k.RetiredInBatch == batchId)
            .Select(k => new { k.OrganisationId, k.Address, k.RegisteredInBatch, k.RetiredInBatch })
            .ToListAsync(ct);
        var ordered = keys.OrderBy(k => k.OrganisationId, StringComparer.Ordinal).ThenBy(k => k.Address, StringComparer.OrdinalIgnoreCase).ToList();
        return
        [
            .. ordered.Where(k => k.RegisteredInBatch == batchId).Select(k => new IssuerKeyRegistration(k.OrganisationId, k.Address, Retire: false)),
            .. ordered.Where(k => k.RetiredInBatch == batchId).Select(k => new IssuerKeyRegistration(k.OrganisationId, k.Address, Retire: true)),
        ];
    }

    /// <summary>
    /// Retires <paramref name="organisationId"/>'s current key, if it has one; its retirement is anchored with the next
    /// batch and the organisation's next record gets a new key. Returns the retired key's address, or null.
    /// </summary>
    public static async Task<string?> RetireCurrentAsync(LedgerDbContext db, string organisationId, long nowMs, CancellationToken ct)
    {
        var current = await db.IssuerKeys.SingleOrDefaultAsync(k => k.OrganisationId == organisationId && k.RetiredAtMs == null, ct);
        if (current is null)
        {
            return null;
        }
        current.RetiredAtMs = nowMs;
        await db.SaveChangesAsync(ct);
        return current.Address;
    }
}
