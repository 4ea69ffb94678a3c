using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ledger.Api.Hosting;

/// <summary>
/// Readiness of record storage: degraded while the disk is full. Degraded, not unhealthy: reads and public
/// verification still work, and a load balancer that took the instance out would also keep away the write that
/// shows the space is back.
/// </summary>
internal sealed class StorageHealthCheck(StorageHealth storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(storage.Full is { } full
            ? HealthCheckResult.Degraded(
                $"Disk full: records cannot be stored (since {full.Since.ToString("u", CultureInfo.InvariantCulture)}; {full.Reason}). " +
                "Submissions get 507 with Retry-After; free space on the database's disk, and the next record stored clears this.",
                data: new Dictionary<string, object> { ["fullSince"] = full.Since })
            : HealthCheckResult.Healthy("Records are being stored."));
}
