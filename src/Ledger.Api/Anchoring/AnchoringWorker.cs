using Ledger.Api.Chain;
using Microsoft.Extensions.Options;

namespace Ledger.Api.Anchoring;

/// <summary>
/// The hosted anchoring loop: once the chain is connected, seal due batches and advance open ones every poll
/// interval; on failure back off (capped) and try again — records keep arriving meanwhile and nothing is dropped.
/// </summary>
internal sealed class AnchoringWorker(
    ChainRuntime runtime,
    IServiceScopeFactory scopes,
    IOptions<AnchoringOptions> options,
    TimeProvider time,
    ILogger<AnchoringWorker> log) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var chain = await runtime.WhenReadyAsync(stoppingToken);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(chain, stoppingToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                failures++;
                // Message only: exception text from our code carries no secrets; stack traces stay out of the logs.
                log.LogWarning("Anchoring attempt failed ({Failures} in a row): {Reason}", failures, e.Message);
            }
            await Task.Delay(DelayAfter(failures), time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>One pass: seal what is due (several batches if the backlog is large), then advance open batches.</summary>
    public async Task RunOnceAsync(ConnectedChain chain, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var sealer = services.GetRequiredService<BatchSealer>();
        while (await sealer.SealDueAsync(ct) is not null)
        {
        }
        var anchorer = ActivatorUtilities.CreateInstance<BatchAnchorer>(services, chain);
        await anchorer.AdvanceAllAsync(ct);
    }

    private TimeSpan DelayAfter(int failures)
    {
        var poll = options.Value.PollInterval;
        if (failures == 0)
        {
            return poll;
        }
        var backoff = poll * Math.Pow(2, Math.Min(failures, 10));
        return backoff < MaxBackoff ? backoff : MaxBackoff;
    }
}
