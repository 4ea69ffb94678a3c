namespace Ledger.Data.Correction;

/// <summary>
/// The index row of one community-correction case: where it is kept and how to find it, never what it says. The case
/// reference appears only as a keyed digest (its records hold it sealed); the evidence is the case's records, chained
/// in <see cref="CaseChainEntry"/> rows. Written in the commit of the case's records: opened with its case-opened
/// record, closed with its case-closed record.
/// </summary>
public sealed class CorrectionCase
{
    /// <summary>The case's id: that of its case-opened record.</summary>
    public required string Id { get; init; }
    /// <summary>The jurisdiction (area code) of the organisation that opened it; only its staff see the case.</summary>
    public required string AreaCode { get; init; }
    /// <summary>Keyed digest of the jurisdiction and case reference (HMAC under the service's subject-index secret); unique.</summary>
    public required string CaseDigest { get; init; }
    /// <summary>The organisation that opened it.</summary>
    public required string OpenedBy { get; init; }
    /// <summary>Whether the person is a minor (retention is shorter).</summary>
    public required bool Minor { get; init; }
    public required long OpenedAtMs { get; init; }
    /// <summary>When its case-closed record was committed; null while open.</summary>
    public long? ClosedAtMs { get; set; }
    /// <summary>Its case-closed record.</summary>
    public string? ClosedRecordId { get; set; }
    /// <summary>When retention crypto-shredded its payloads; null before.</summary>
    public long? ErasedAtMs { get; set; }
    /// <summary>Real identity fields, if kept at all, sealed under the opening organisation's data key for the case; never in a record.</summary>
    public byte[]? IdentitySealed { get; init; }
    /// <summary>The data key that sealed <see cref="IdentitySealed"/>; null once destroyed.</summary>
    public string? IdentityKeyId { get; init; }
}

/// <summary>
/// One link of a case's completeness chain: its sequence number, its record, and the previous record's hash. The
/// record's own payload carries the same link (sealed, signed, anchored), so this index can be checked against it and
/// stays when retention erases the payloads: hashes, proofs and the chain remain.
/// </summary>
public sealed class CaseChainEntry
{
    public required string CaseId { get; init; }
    /// <summary>1, 2, 3, … with no gaps within the case.</summary>
    public required long Sequence { get; init; }
    public required string RecordId { get; init; }
    public required string RecordHash { get; init; }
    /// <summary>The previous link's record hash; 32 zero bytes for the first.</summary>
    public required string PreviousHash { get; init; }
}
