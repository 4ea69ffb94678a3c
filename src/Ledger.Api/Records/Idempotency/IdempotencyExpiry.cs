using Ledger.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ledger.Api.Records.Idempotency;

/// <summary>
/// Forgets Idempotency-Keys older than <see cref="IngestOptions.IdempotencyRetention"/>. The record writer runs it
/// between groups, so the delete never competes with a commit for SQLite's write lock.
/// </summary>
internal sealed class IdempotencyExpiry(IServiceScopeFactory scopes, TimeProvider time, IOptions<IngestOptions> options, ILogger<IdempotencyExpiry> log)
{
    // Keys are kept "at least" the retention period; sweeping more often than this gains nothing.
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(5);
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    /// <summary>Deletes expired keys if the last sweep was long enough ago. Housekeeping: a failure is logged and retried later.</summary>
    public async Task DeleteExpiredIfDueAsync()
    {
        var now = time.GetUtcNow();
        if (now < _nextSweep)
        {
            return;
        }
        _nextSweep = now + SweepInterval;
        try
        {
            await DeleteExpiredAsync(now);
        }
        catch (Exception e)
        {
            log.LogWarning("Could not delete expired idempotency keys ({Reason}); the next sweep tries again.", e.Message);
        }
    }

    /// <summary>Deletes keys first used more than the retention period before <paramref name="now"/>; returns how many.</summary>
    public async Task<int> DeleteExpiredAsync(DateTimeOffset now)
    {
        var cutoff = (now - options.Value.IdempotencyRetention).ToUnixTimeMilliseconds();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        return await db.IdempotentSubmissions.Where(s => s.CreatedAtMs < cutoff).ExecuteDeleteAsync();
    }
}
