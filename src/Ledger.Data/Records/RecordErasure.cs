namespace Ledger.Data.Records;

/// <summary>
/// The index row of one erasure; the evidence itself is the ledger/erasure record with the same id, which is sealed,
/// signed and anchored like any record.
/// </summary>
public sealed class RecordErasure
{
    /// <summary>The id of the ledger/erasure record.</summary>
    public required string Id { get; init; }
    /// <summary>Keyed digest of the erased subject (never the reference itself).</summary>
    public required string SubjectDigest { get; init; }
    public required string Domain { get; init; }
    public required string LegalBasis { get; init; }
    /// <summary>Records whose payload became unreadable.</summary>
    public required int ErasedCount { get; init; }
    /// <summary>Public id of the credential that asked for it.</summary>
    public required string RequestedBy { get; init; }
    public required long ErasedAtMs { get; init; }
}
