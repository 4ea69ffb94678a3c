using Microsoft.EntityFrameworkCore;

namespace Ledger.Data.Leasing;

/// <summary>
/// Takes, renews and gives up leases with single conditional statements, so two instances racing for one lease can
/// never both win. Plain SQL that SQLite and PostgreSQL both run (<c>INSERT … ON CONFLICT DO NOTHING</c>). Expiry is
/// judged by the callers' clocks: keep instances' clocks in sync (NTP) well within the lease duration.
/// </summary>
public static class LeaseStore
{
    /// <summary>
    /// Takes <paramref name="name"/> for <paramref name="holder"/> until <paramref name="expiresAtMs"/> when it is free,
    /// expired or already ours (a renewal); true when <paramref name="holder"/> holds it afterwards.
    /// </summary>
    public static async Task<bool> TryAcquireAsync(LedgerDbContext db, string name, string holder, long nowMs, long expiresAtMs, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var taken = await db.Database.ExecuteSqlAsync($"""
            UPDATE leases
            SET holder = {holder}, expires_at_ms = {expiresAtMs},
                acquired_at_ms = CASE WHEN holder = {holder} THEN acquired_at_ms ELSE {nowMs} END
            WHERE name = {name} AND (holder = {holder} OR expires_at_ms < {nowMs})
            """, ct);
        if (taken == 1)
        {
            return true;
        }
        // No row yet, or someone else's unexpired lease. Inserting loses quietly to a concurrent insert.
        var inserted = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO leases (name, holder, expires_at_ms, acquired_at_ms)
            VALUES ({name}, {holder}, {expiresAtMs}, {nowMs})
            ON CONFLICT (name) DO NOTHING
            """, ct);
        return inserted == 1;
    }

    /// <summary>Gives the lease up at once (if <paramref name="holder"/> still holds it), so a standby need not wait for expiry.</summary>
    public static async Task<bool> ReleaseAsync(LedgerDbContext db, string name, string holder, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Database.ExecuteSqlAsync(
            $"UPDATE leases SET expires_at_ms = 0 WHERE name = {name} AND holder = {holder}", ct) == 1;
    }
}
