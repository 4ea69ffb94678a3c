using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using Ledger.Data;
using Ledger.Data.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ledger.Api.Access;

/// <summary>How long an API key's stored state may be reused (configuration section <c>ApiKeys</c>).</summary>
public sealed class ApiKeyCacheOptions
{
    public const string Section = "ApiKeys";

    /// <summary>
    /// How long a key's row (hash, role, organisation, revocation, expiry, staff account state) is reused before it is
    /// read again. A revocation made in this process takes effect at once; one made elsewhere (`ledger keys revoke`,
    /// another instance) within this time. Zero reads the row on every request.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>A key's stored state as authentication needs it.</summary>
public sealed record StoredApiKey(
    string Id, string SecretHash, string Role, string Organisation, string? StaffId, long? ExpiresAtMs, long? RevokedAtMs,
    bool StaffDisabled, string? Jurisdiction, string? OrganisationKind);

/// <summary>
/// API keys' stored state, read once per <see cref="ApiKeyCacheOptions.Lifetime"/> instead of on every request, with
/// no lock on the read path. Only keys that exist are kept, so random ids cannot grow it. A revocation through
/// <see cref="KeyRegistry"/> in this process drops the key at once.
/// </summary>
public sealed class ApiKeyCache : IDisposable
{
    // A compiled query: no LINQ translation per miss.
    private static readonly Func<LedgerDbContext, string, CancellationToken, Task<StoredApiKey?>> Find = CompiledQuery.Of(
        (LedgerDbContext db, string id, CancellationToken ct) => db.ApiKeys.AsNoTracking()
            .Where(k => k.Id == id)
            .Select(k => new StoredApiKey(k.Id, k.SecretHash, k.Role, k.Organisation, k.StaffId, k.ExpiresAtMs, k.RevokedAtMs,
                db.StaffAccounts.Any(s => s.Id == k.StaffId && s.DisabledAtMs != null),
                db.Organisations.Where(o => o.Id == k.Organisation).Select(o => o.AreaCode).FirstOrDefault(),
                db.Organisations.Where(o => o.Id == k.Organisation).Select(o => o.Kind).FirstOrDefault()))
            .SingleOrDefault());

    private readonly ConcurrentDictionary<string, (StoredApiKey Key, long ReadAtMs)> _keys = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly long _lifetimeMs;

    public ApiKeyCache(TimeProvider time, IOptions<ApiKeyCacheOptions> options)
    {
        _time = time;
        _lifetimeMs = (long)options.Value.Lifetime.TotalMilliseconds;
        KeyRegistry.KeyRevoked += Forget;
    }

    /// <summary>The key's stored state, from the cache while it is fresh, else from <paramref name="db"/>; null when unknown.</summary>
    public async ValueTask<StoredApiKey?> GetAsync(string id, Func<LedgerDbContext> db, CancellationToken ct)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        if (_keys.TryGetValue(id, out var cached) && now - cached.ReadAtMs < _lifetimeMs)
        {
            return cached.Key;
        }
        var found = await Find(db(), id, ct);
        if (found is null)
        {
            _keys.TryRemove(id, out _);
        }
        else if (_lifetimeMs > 0)
        {
            _keys[id] = (found, now);
        }
        return found;
    }

    /// <summary>Drops a key, so its next use reads its row again.</summary>
    public void Forget(string id) => _keys.TryRemove(id, out _);

    public void Dispose() => KeyRegistry.KeyRevoked -= Forget;
}
