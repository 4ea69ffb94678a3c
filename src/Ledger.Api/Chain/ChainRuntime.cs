namespace Ledger.Api.Chain;

/// <summary>
/// Holds the connected chain once start-up has reached it. The API does not wait for it (records are accepted while
/// the chain is away); the anchoring worker and the readiness check do. The embedded chain's supervisor withdraws it
/// while it restarts a crashed node and publishes a new one (new port, re-deployed contract) once the node is back,
/// so readers take <see cref="Current"/> afresh for each piece of work instead of keeping it.
/// </summary>
public sealed class ChainRuntime
{
    private readonly TaskCompletionSource<ConnectedChain> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile ConnectedChain? _current;
    private volatile string? _problem = "Connecting to the chain.";

    /// <summary>The chain, or null before start-up reached it and while the embedded node is being restarted.</summary>
    public ConnectedChain? Current => _current;

    /// <summary>Why the chain is not connected (or not answering), for health checks and operators.</summary>
    public string? Problem
    {
        get => _problem;
        set => _problem = value;
    }

    /// <summary>Completes once the chain is connected for the first time.</summary>
    public Task<ConnectedChain> WhenReadyAsync(CancellationToken ct) => _ready.Task.WaitAsync(ct);

    /// <summary>Publishes the connected chain, replacing any earlier one.</summary>
    public void SetReady(ConnectedChain chain)
    {
        _current = chain;
        _problem = null;
        _ready.TrySetResult(chain);
    }

    /// <summary>Takes the chain away until <see cref="SetReady"/> publishes its replacement; nothing should use the old one meanwhile.</summary>
    public void Withdraw(string problem)
    {
        _problem = problem;
        _current = null;
    }
}
