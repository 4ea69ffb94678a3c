namespace Ledger.Api.Anchoring;

/// <summary>What this instance's anchoring worker is doing, for readiness and operators.</summary>
public sealed class AnchoringStatus(bool enabled)
{
    private readonly Lock _gate = new();

    /// <summary>leader, standby, waiting-for-chain, or disabled (no hosted worker in this instance).</summary>
    public string Role { get; private set; } = enabled ? "waiting-for-chain" : "disabled";

    /// <summary>Cycles that failed in a row; 0 after a good one.</summary>
    public int ConsecutiveFailures { get; private set; }

    /// <summary>Why the last cycle failed, while failures continue.</summary>
    public string? LastError { get; private set; }

    /// <summary>When the worker will try again after failures.</summary>
    public DateTimeOffset? RetryAt { get; private set; }

    internal void Acting(string role)
    {
        lock (_gate)
        {
            Role = role;
        }
    }

    internal void Succeeded()
    {
        lock (_gate)
        {
            ConsecutiveFailures = 0;
            LastError = null;
            RetryAt = null;
        }
    }

    internal int Failed(string reason)
    {
        lock (_gate)
        {
            LastError = reason;
            return ++ConsecutiveFailures;
        }
    }

    internal void RetryingAt(DateTimeOffset at)
    {
        lock (_gate)
        {
            RetryAt = at;
        }
    }
}
