namespace Ledger.Chain;

/// <summary>One event log, from a receipt or from eth_getLogs.</summary>
/// <param name="Address">The emitting contract (EIP-55).</param>
/// <param name="Topics">0x hex topics; topic 0 is the event signature hash for non-anonymous events.</param>
/// <param name="LogIndex">Position of the log in its block.</param>
public sealed record LogEntry(string Address, IReadOnlyList<string> Topics, byte[] Data, ulong LogIndex)
{
    /// <summary>The transaction that emitted it, when the node said (eth_getLogs always does).</summary>
    public string? TransactionHash { get; init; }

    /// <summary>The block it was mined in, when the node said.</summary>
    public ulong? BlockNumber { get; init; }

    /// <summary>That block's hash, when the node said.</summary>
    public string? BlockHash { get; init; }

    /// <summary>True when the node reports the log as removed by a reorganisation.</summary>
    public bool Removed { get; init; }
}
