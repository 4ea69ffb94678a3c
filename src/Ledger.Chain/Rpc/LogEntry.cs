namespace Ledger.Chain;

/// <summary>One event log of a receipt.</summary>
/// <param name="Address">The emitting contract (EIP-55).</param>
/// <param name="Topics">0x hex topics; topic 0 is the event signature hash for non-anonymous events.</param>
/// <param name="LogIndex">Position of the log in its block.</param>
public sealed record LogEntry(string Address, IReadOnlyList<string> Topics, byte[] Data, ulong LogIndex);
