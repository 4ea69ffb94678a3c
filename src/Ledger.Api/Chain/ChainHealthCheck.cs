using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ledger.Api.Chain;

/// <summary>
/// Readiness of the chain: degraded while the node cannot be reached, before the first connection or after it (records
/// are still accepted and anchored when it returns), healthy with the head block otherwise.
/// </summary>
internal sealed class ChainHealthCheck(ChainRuntime runtime) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (runtime.Current is not { } chain)
        {
            return HealthCheckResult.Degraded($"{runtime.Problem ?? "Not connected to the chain."} Records are accepted and will be anchored once it connects.");
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            var head = await chain.Client.GetBlockNumberAsync(timeout.Token);
            return HealthCheckResult.Healthy($"Chain {chain.ChainId} at block {head}.", new Dictionary<string, object>
            {
                ["chainId"] = chain.ChainId,
                ["head"] = head,
                ["contract"] = chain.Contract.Address,
            });
        }
        catch (Exception e) when (e is Ledger.Chain.ChainException or OperationCanceledException or HttpRequestException)
        {
            return HealthCheckResult.Degraded("The chain node is not answering; records are accepted and will be anchored when it returns.");
        }
    }
}
