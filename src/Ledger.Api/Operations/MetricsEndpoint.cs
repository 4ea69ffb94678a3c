using Ledger.Api.Anchoring;
using Ledger.Api.Chain;
using Ledger.Api.Problems;
using Ledger.Api.Records.Writing;
using Ledger.Api.Settings;
using Ledger.Data;
using Ledger.Data.Anchoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ledger.Api.Operations;

/// <summary>
/// <c>GET /metrics</c> in Prometheus' text format, for the networks in <see cref="MetricsOptions.AllowedNetworks"/>
/// only (403 ProblemDetails for anyone else). Left out of the OpenAPI document: it is for the monitoring system, not
/// API clients. Each scrape first reads the state gauges — backlog, open batches, the chain head, the lease — so they
/// are as fresh as the scrape, whichever instance is scraped.
/// </summary>
internal static class MetricsEndpoint
{
    private const string ContentType = "text/plain; version=0.0.4; charset=utf-8";
    private static readonly TimeSpan ChainProbeTimeout = TimeSpan.FromSeconds(3);

    public static IServiceCollection AddLedgerMetrics(this IServiceCollection services)
    {
        services.AddOptions<MetricsOptions>().BindSettings(MetricsOptions.Section);
        return services;
    }

    public static IEndpointRouteBuilder MapLedgerMetrics(this IEndpointRouteBuilder routes)
    {
        if (routes.ServiceProvider.GetRequiredService<IOptions<MetricsOptions>>().Value.Enabled)
        {
            routes.MapGet("/metrics", ScrapeAsync).ExcludeFromDescription();
        }
        return routes;
    }

    private static async Task ScrapeAsync(HttpContext context, IOptions<MetricsOptions> options, CancellationToken ct)
    {
        if (!options.Value.Allows(context.Connection.RemoteIpAddress))
        {
            throw new LedgerProblem(StatusCodes.Status403Forbidden, "Not a metrics scraper",
                "Metrics are served to the networks in Metrics:AllowedNetworks only.");
        }
        var services = context.RequestServices;
        await ReadStoreAsync(services.GetRequiredService<LedgerDbContext>(), services.GetRequiredService<TimeProvider>(), ct);
        await ReadChainAsync(services.GetRequiredService<ChainRuntime>(), services.GetRequiredService<TimeProvider>(), ct);
        LedgerMetrics.QueueDepth.Set(services.GetRequiredService<RecordWriter>().QueueDepth);
        LedgerMetrics.AnchoringLeader.Set(services.GetRequiredService<AnchoringLease>().IsHeld ? 1 : 0);

        context.Response.ContentType = ContentType;
        context.Response.Headers.CacheControl = "no-store";
        await LedgerMetrics.Registry.CollectAndExportAsTextAsync(context.Response.Body, ct);
    }

    private static async Task ReadStoreAsync(LedgerDbContext db, TimeProvider time, CancellationToken ct)
    {
        var waiting = db.Records.AsNoTracking().Where(r => r.BatchId == null);
        LedgerMetrics.BacklogRecords.Set(await waiting.CountAsync(ct));
        var oldestMs = await waiting.OrderBy(r => r.ReceivedAtMs).Select(r => (long?)r.ReceivedAtMs).FirstOrDefaultAsync(ct);
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        LedgerMetrics.OldestPendingAge.Set(oldestMs is { } ms ? Math.Max(0, nowMs - ms) / 1000.0 : 0);
        LedgerMetrics.OpenBatches.Set(await db.Batches.AsNoTracking().CountAsync(b => b.State != BatchState.Confirmed, ct));

        var lease = await db.Leases.AsNoTracking().FirstOrDefaultAsync(l => l.Name == AnchoringLease.Name, ct);
        foreach (var labels in LedgerMetrics.LeaseHolder.GetAllLabelValues().ToList())
        {
            LedgerMetrics.LeaseHolder.RemoveLabelled(labels);
        }
        if (lease is not null && lease.ExpiresAtMs > nowMs)
        {
            LedgerMetrics.LeaseHolder.WithLabels(lease.Holder).Set(1);
        }
    }

    private static async Task ReadChainAsync(ChainRuntime runtime, TimeProvider time, CancellationToken ct)
    {
        if (runtime.Current is not { } chain)
        {
            LedgerMetrics.ChainUp.Set(0);
            return;
        }
        try
        {
            var head = await chain.Client.GetLatestBlockAsync(ct).WaitAsync(ChainProbeTimeout, ct);
            LedgerMetrics.ChainHead.Set(head.Number);
            LedgerMetrics.ChainHeadLag.Set(Math.Max(0, time.GetUtcNow().ToUnixTimeSeconds() - head.Timestamp));
            LedgerMetrics.AnchorAccountBalance.Set((double)await chain.Client.GetBalanceAsync(chain.Sender.Address, ct).WaitAsync(ChainProbeTimeout, ct));
            LedgerMetrics.ChainUp.Set(1);
        }
        catch (Exception e) when (e is Ledger.Chain.ChainException or TimeoutException)
        {
            LedgerMetrics.RpcError(e is Ledger.Chain.ChainException failure ? failure.Kind : Ledger.Chain.ChainErrorKind.Timeout);
            LedgerMetrics.ChainUp.Set(0);
        }
    }
}
