namespace Ledger.Chain.Embedded;

/// <summary>Waits until a freshly started anvil answers eth_chainId, or explains why it will not.</summary>
internal static class AnvilReadiness
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public static async Task WaitAsync(AnvilProcess anvil, AnvilStartOptions options, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var client = new JsonRpcChainClient(http, anvil.RpcUrl);
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (anvil.ExitCode is { } exitCode)
            {
                throw new InvalidOperationException(
                    $"anvil exited with code {exitCode} before answering on {anvil.RpcUrl}. Last output:{Environment.NewLine}{anvil.RecentOutput}");
            }
            try
            {
                var chainId = await client.GetChainIdAsync(ct);
                if (chainId != options.ChainId)
                {
                    // Something else answers on this port (a lost port race or a stale node).
                    throw new InvalidOperationException(
                        $"The node on {anvil.RpcUrl} reports chain {chainId}, expected {options.ChainId}; is another node using the port?");
                }
                if (anvil.ExitCode is null)
                {
                    return;
                }
                // Our anvil died (typically: port taken) and another node answered; the exit check above reports it.
                continue;
            }
            catch (ChainException ex) when (ex.Kind == ChainErrorKind.Unreachable)
            {
                // Not listening yet.
            }
            if (TimeProvider.System.GetElapsedTime(started) > options.StartupTimeout)
            {
                throw new TimeoutException(
                    $"anvil did not answer on {anvil.RpcUrl} within {options.StartupTimeout}. Last output:{Environment.NewLine}{anvil.RecentOutput}");
            }
            await Task.Delay(PollInterval, ct);
        }
    }
}
