using System.Security.Cryptography;
using Ledger.Data;
using Ledger.Data.Leasing;
using Microsoft.Extensions.Options;

namespace Ledger.Api.Anchoring;

/// <summary>
/// This instance's claim to be the one anchoring leader among all instances sharing the database. The worker renews
/// it before every send, and on its cycles once a third of the lease's duration has passed since the last renewal;
/// the moment a renewal fails it stops sending (another instance may have taken over), so two instances never sign
/// for the same batches.
/// </summary>
public sealed class AnchoringLease(IServiceScopeFactory scopes, TimeProvider time, IOptions<AnchoringOptions> options, ILogger<AnchoringLease> log)
{
    /// <summary>The lease row's name.</summary>
    public const string Name = "anchoring";

    private long _heldUntilMs;

    /// <summary>This instance's name in the lease row.</summary>
    public string Holder { get; } = string.IsNullOrWhiteSpace(options.Value.LeaseHolder) ? DefaultHolder() : options.Value.LeaseHolder;

    /// <summary>True while the last renewal is still within its duration.</summary>
    public bool IsHeld => time.GetUtcNow().ToUnixTimeMilliseconds() < Interlocked.Read(ref _heldUntilMs);

    /// <summary>Takes or renews the lease; false when another instance holds an unexpired one.</summary>
    public async Task<bool> TryAcquireAsync(CancellationToken ct)
    {
        var wasHeld = IsHeld;
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var until = now + (long)options.Value.LeaseDuration.TotalMilliseconds;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        var held = await LeaseStore.TryAcquireAsync(db, Name, Holder, now, until, ct);
        Interlocked.Exchange(ref _heldUntilMs, held ? until : 0);
        if (held && !wasHeld)
        {
            log.LogInformation("This instance ({Holder}) is now the anchoring leader.", Holder);
        }
        else if (!held && wasHeld)
        {
            log.LogWarning("This instance ({Holder}) lost the anchoring lease; it stops sending and stands by.", Holder);
        }
        return held;
    }

    /// <summary>
    /// Whether this instance leads, for a cycle that may seal: the lease is renewed (a write) only once a third of its
    /// duration has passed since the last renewal, so it never has less than two thirds left at a cycle's start. An
    /// idle leader polling every 200 ms wrote and flushed the lease row five times a second, and every write makes
    /// SQLite drop each reader's page cache. Sending still renews first (<see cref="EnsureHeldAsync"/>).
    /// </summary>
    public async Task<bool> KeepAsync(CancellationToken ct)
    {
        // A renewal sets the lease to expire one duration later, so what is left says how long ago it was.
        var left = Interlocked.Read(ref _heldUntilMs) - time.GetUtcNow().ToUnixTimeMilliseconds();
        if (left > (long)(options.Value.LeaseDuration - RenewEvery).TotalMilliseconds)
        {
            return true;
        }
        return await TryAcquireAsync(ct);
    }

    /// <summary>How often an idle leader renews: a third of the lease's duration.</summary>
    public TimeSpan RenewEvery => options.Value.LeaseDuration / 3;

    /// <summary>Renews the lease or throws: call before anything that signs or sends.</summary>
    /// <exception cref="AnchoringLeaseLostException">Another instance holds the lease now.</exception>
    public async Task EnsureHeldAsync(CancellationToken ct)
    {
        if (!await TryAcquireAsync(ct))
        {
            throw new AnchoringLeaseLostException($"The anchoring lease is no longer held by {Holder}; another instance anchors now.");
        }
    }

    /// <summary>Gives the lease up so a standby takes over at once instead of after expiry.</summary>
    public async Task ReleaseAsync(CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _heldUntilMs, 0) == 0)
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        if (await LeaseStore.ReleaseAsync(db, Name, Holder, ct))
        {
            log.LogInformation("This instance ({Holder}) released the anchoring lease.", Holder);
        }
    }

    private static string DefaultHolder() =>
        $"{Environment.MachineName}-{Environment.ProcessId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
}
