using Ledger.Core.Protection;
using Ledger.Data.Locking;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Data.Protection;

/// <summary>How many wrapped keys a rotation moved to the new master key.</summary>
/// <param name="DataKeys">Subject data keys re-wrapped.</param>
/// <param name="IssuerKeys">Issuer signing keys whose data key was re-wrapped.</param>
/// <param name="KeyCheck">Whether the database's key check was re-wrapped (false when it already was, or none exists yet).</param>
public sealed record RewrapCounts(int DataKeys, int IssuerKeys, bool KeyCheck);

/// <summary>
/// Master key rotation: re-wraps every data key, every issuer key and the key check under the new master key in one
/// transaction, so the database is never half-rotated. Payloads are not touched: they name their data key, and data
/// keys do not change. Rows already under the new key are left alone, so a repeated run is harmless.
/// </summary>
public static class MasterKeyRewrap
{
    /// <summary>Moves everything from <paramref name="current"/> to <paramref name="next"/>.</summary>
    /// <exception cref="InvalidOperationException"><paramref name="current"/> is not this database's master key.</exception>
    /// <exception cref="ArgumentException">Both are the same key.</exception>
    public static async Task<RewrapCounts> RotateAsync(LedgerDbContext db, MasterKey current, MasterKey next, ISecureRandom random, CancellationToken ct)
    {
        var ring = new MasterKeyRing(next, [current]);
        await using var tx = await db.Database.BeginWriteTransactionAsync(ct);
        // The check first: a wrong current key must fail before anything is written.
        var check = await KeyCheck.RewrapAsync(db, ring, current, random, ct);
        var dataKeys = 0;
        foreach (var key in await db.SubjectKeys.ToListAsync(ct))
        {
            if (ring.RewrapToCurrent(key.WrappedKey, random) is { } rewrapped)
            {
                key.WrappedKey = rewrapped;
                dataKeys++;
            }
        }
        var issuerKeys = 0;
        foreach (var key in await db.IssuerKeys.ToListAsync(ct))
        {
            if (ring.RewrapToCurrent(key.WrappedKey, random) is { } rewrapped)
            {
                key.WrappedKey = rewrapped;
                issuerKeys++;
            }
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new RewrapCounts(dataKeys, issuerKeys, check);
    }
}
