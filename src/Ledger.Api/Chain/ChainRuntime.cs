using System.Diagnostics.CodeAnalysis;

namespace Ledger.Api.Chain;

/// <summary>
/// Holds the connected chain once start-up has reached it. The API does not wait for it (records are accepted while
/// the chain is away); the anchoring worker and the readiness check do. The embedded chain's supervisor withdraws it
/// while it restarts a crashed node and publishes a new one (new port, re-deployed contract) once the node is back,
/// so readers take the chain afresh for each piece of work instead of keeping it.
/// </summary>
public sealed class ChainRuntime
{
    private readonly TaskCompletionSource<ConnectedChain> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile Published? _published;
    private volatile string? _problem = "Connecting to the chain.";

    /// <summary>The chain, or null before start-up reached it and while the embedded node is being restarted.</summary>
    public ConnectedChain? Current => _published?.Chain;

    /// <summary>Why the chain is not connected (or not answering), for health checks and operators.</summary>
    public string? Problem
    {
        get => _problem;
        set => _problem = value;
    }

    /// <summary>Completes once the chain is connected for the first time.</summary>
    public Task<ConnectedChain> WhenReadyAsync(CancellationToken ct) => _ready.Task.WaitAsync(ct);

    /// <summary>
    /// The current chain, and a token cancelled the moment it is withdrawn or replaced: work that sends transactions
    /// passes it on, so nothing started against the old chain goes on against the node that takes its place.
    /// </summary>
    public bool TryGetCurrent([NotNullWhen(true)] out ConnectedChain? chain, out CancellationToken withdrawn)
    {
        var published = _published;
        chain = published?.Chain;
        withdrawn = published?.Withdrawn.Token ?? default;
        return chain is not null;
    }

    /// <summary>Publishes the connected chain, replacing (and withdrawing) any earlier one.</summary>
    public void SetReady(ConnectedChain chain)
    {
        var previous = Interlocked.Exchange(ref _published, new Published(chain, new CancellationTokenSource()));
        _problem = null;
        previous?.Withdrawn.Cancel();
        _ready.TrySetResult(chain);
    }

    /// <summary>Takes the chain away until <see cref="SetReady"/> publishes its replacement; work still using it is cancelled.</summary>
    public void Withdraw(string problem)
    {
        _problem = problem;
        Interlocked.Exchange(ref _published, null)?.Withdrawn.Cancel();
    }

    // Not disposed: a cancellation source without a timer holds nothing that needs it, and cycles may still link to it.
    private sealed record Published(ConnectedChain Chain, CancellationTokenSource Withdrawn);
}
