using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ledger.Api.Anchoring;

/// <summary>
/// Readiness of anchoring in this instance: degraded while its cycles fail (they are retried with backoff and no record
/// is lost); healthy otherwise, whether this instance leads or stands by.
/// </summary>
internal sealed class AnchoringHealthCheck(AnchoringStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["role"] = status.Role,
            ["consecutiveFailures"] = status.ConsecutiveFailures,
        };
        if (status.RetryAt is { } retryAt)
        {
            data["retryAt"] = retryAt;
        }
        var result = status.ConsecutiveFailures == 0
            ? HealthCheckResult.Healthy($"Anchoring: {status.Role}.", data)
            : HealthCheckResult.Degraded($"Anchoring is retrying after {status.ConsecutiveFailures} failed attempts: {status.LastError}", data: data);
        return Task.FromResult(result);
    }
}
