namespace Ledger.Api.Chain;

/// <summary>
/// Holds the connected chain once start-up has reached it. The API does not wait for it (records are accepted while
/// the chain is away); the anchoring worker and the readiness check do.
/// </summary>
public sealed class ChainRuntime
{
    private readonly TaskCompletionSource<ConnectedChain> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The chain, or null before start-up reached it.</summary>
    public ConnectedChain? Current { get; private set; }

    /// <summary>Why the chain is not connected yet, for health checks and operators.</summary>
    public string? Problem { get; set; } = "Connecting to the chain.";

    /// <summary>Completes once the chain is connected.</summary>
    public Task<ConnectedChain> WhenReadyAsync(CancellationToken ct) => _ready.Task.WaitAsync(ct);

    /// <summary>Publishes the connected chain.</summary>
    public void SetReady(ConnectedChain chain)
    {
        Current = chain;
        Problem = null;
        _ready.TrySetResult(chain);
    }
}
