namespace Ledger.Data.Records;

/// <summary>
/// The index row of one revocation; the evidence itself is the ledger/revocation record with the same id, which is
/// sealed, signed and anchored like any record. A record is revoked at most once (unique <see cref="RevokedRecordId"/>).
/// </summary>
public sealed class RecordRevocation
{
    /// <summary>The id of the ledger/revocation record.</summary>
    public required string Id { get; init; }
    /// <summary>The id of the revoked record.</summary>
    public required string RevokedRecordId { get; init; }
    /// <summary>issued-in-error, withdrawn, court-order, duplicate or other.</summary>
    public required string ReasonCode { get; init; }
    /// <summary>Public id of the credential that asked for it.</summary>
    public required string RequestedBy { get; init; }
    public required long RevokedAtMs { get; init; }
}
