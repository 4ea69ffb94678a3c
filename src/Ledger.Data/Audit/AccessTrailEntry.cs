namespace Ledger.Data.Audit;

/// <summary>
/// The index of one access-trail entry: its place in the chain, and the ledger/access record that is the evidence.
/// The record's payload repeats <see cref="PreviousHash"/> and the read record, so a changed index row is detectable.
/// </summary>
public sealed class AccessTrailEntry
{
    /// <summary>1, 2, 3, … with no gaps.</summary>
    public required long Sequence { get; init; }
    /// <summary>The ledger/access record.</summary>
    public required string EntryRecordId { get; init; }
    /// <summary>That record's hash: the link the next entry names as its previous.</summary>
    public required string EntryHash { get; init; }
    /// <summary>The previous entry's hash; 32 zero bytes for the first.</summary>
    public required string PreviousHash { get; init; }
    /// <summary>The record whose payload was read.</summary>
    public required string ReadRecordId { get; init; }
    public required long ReadAtMs { get; init; }
}
