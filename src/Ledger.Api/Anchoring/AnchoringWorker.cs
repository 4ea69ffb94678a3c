using Ledger.Api.Chain;
using Microsoft.Extensions.Options;

namespace Ledger.Api.Anchoring;

/// <summary>
/// The hosted anchoring loop. Once the chain is connected it runs a cycle every poll interval while it holds the
/// anchoring lease (sealing due batches and advancing open ones); without the lease it stands by. Each cycle takes the
/// chain from <see cref="ChainRuntime.Current"/> afresh, so a restarted embedded node (another port, a re-deployed
/// contract) is used from the next cycle on, and no cycle runs while the chain is withdrawn. On failure it backs
/// off exponentially up to <see cref="AnchoringOptions.MaxBackoff"/>, renewing its lease meanwhile; records keep
/// arriving and nothing is dropped. On a clean stop it releases the lease so a standby takes over at once.
/// </summary>
internal sealed class AnchoringWorker(
    ChainRuntime runtime,
    IServiceScopeFactory scopes,
    AnchoringLease lease,
    AnchoringStatus status,
    IOptions<AnchoringOptions> options,
    TimeProvider time,
    ILogger<AnchoringWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await runtime.WhenReadyAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        try
        {
            await LoopAsync(stoppingToken);
        }
        finally
        {
            await ReleaseLeaseAsync();
        }
    }

    private async Task LoopAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var nextCycle = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (time.GetUtcNow() >= nextCycle)
                {
                    if (runtime.TryGetCurrent(out var chain, out var withdrawn))
                    {
                        await RunCycleAsync(chain, withdrawn, stoppingToken);
                    }
                    else if (lease.IsHeld)
                    {
                        // The chain is being restarted: keep leading, and resume once it is published again.
                        await lease.KeepAsync(stoppingToken);
                    }
                    nextCycle = time.GetUtcNow() + settings.PollInterval;
                }
                else if (lease.IsHeld)
                {
                    // Backing off from the chain is no reason to hand anchoring to another instance.
                    await lease.KeepAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                var delay = BackoffAfter(status.ConsecutiveFailures);
                nextCycle = time.GetUtcNow() + delay;
                status.RetryingAt(nextCycle);
                Operations.LedgerMetrics.AnchoringFailures.Inc();
                if (e is Ledger.Chain.ChainException chainError)
                {
                    Operations.LedgerMetrics.RpcError(chainError.Kind);
                }
                // Message only: exception text from our code carries no secrets; stack traces stay out of the logs.
                log.LogWarning("Anchoring attempt failed ({Failures} in a row; next in {Delay}): {Reason}", status.ConsecutiveFailures, delay, e.Message);
            }
            var wait = nextCycle - time.GetUtcNow();
            var renewEvery = lease.RenewEvery;
            await Task.Delay(wait < TimeSpan.Zero ? TimeSpan.Zero : wait < renewEvery ? wait : renewEvery, time, stoppingToken)
                .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    // A chain withdrawn mid-cycle (its node died, or a restarted one replaced it) cancels the cycle, as a crash would
    // stop it: every step is saved before the next, and the next cycle takes the new chain.
    private async Task RunCycleAsync(ConnectedChain chain, CancellationToken withdrawn, CancellationToken stoppingToken)
    {
        using var cycle = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, withdrawn);
        try
        {
            await RunOnceAsync(chain, cycle.Token);
        }
        catch (OperationCanceledException) when (withdrawn.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
        {
            log.LogInformation("The chain was withdrawn during an anchoring cycle; the cycle stopped and resumes with the chain published next.");
        }
    }

    /// <summary>Most batches one cycle seals before it sends: enough to catch up with a backlog, few enough to keep sending.</summary>
    public const int MaxSealsPerCycle = 4;

    /// <summary>
    /// One cycle, if this instance holds (or can take) the lease: move batches anchored on another contract back to
    /// sealed, seal what is due (up to MaxSealsPerCycle batches if the backlog is large), then advance every open batch. Returns false when another instance leads.
    /// </summary>
    public async Task<bool> RunOnceAsync(ConnectedChain chain, CancellationToken ct)
    {
        try
        {
            if (!await lease.KeepAsync(ct))
            {
                status.Acting("standby");
                status.Succeeded();
                return false;
            }
            status.Acting("leader");
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            await services.GetRequiredService<ContractMove>().MoveBatchesToAsync(chain, ct);
            var sealer = services.GetRequiredService<BatchSealer>();
            // A bounded number per cycle: under a steady stream of records a batch is always due, and a loop until none
            // is would never reach the sending below nor renew the lease (a 1,000,000-record bulk import sealed 326
            // batches and sent none; scripts/bench --scale).
            for (var sealedNow = 0; sealedNow < MaxSealsPerCycle && await sealer.SealDueAsync(ct) is not null; sealedNow++)
            {
            }
            var anchorer = ActivatorUtilities.CreateInstance<BatchAnchorer>(services, chain);
            await anchorer.AdvanceAllAsync(ct);
            status.Succeeded();
            return true;
        }
        catch (AnchoringLeaseLostException)
        {
            status.Acting("standby");
            return false;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            status.Failed(e.Message);
            throw;
        }
    }

    private TimeSpan BackoffAfter(int failures)
    {
        var settings = options.Value;
        var backoff = settings.PollInterval * Math.Pow(2, Math.Min(failures, 20));
        return backoff < settings.MaxBackoff ? backoff : settings.MaxBackoff;
    }

    private async Task ReleaseLeaseAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await lease.ReleaseAsync(timeout.Token);
        }
        catch (Exception e)
        {
            // The lease then simply expires; a standby takes over after LeaseDuration instead of at once.
            log.LogWarning("Could not release the anchoring lease on shutdown ({Reason}); it will expire.", e.Message);
        }
    }
}
