namespace Ledger.Data.Records;

/// <summary>A record as kept off-chain: the exact envelope that was hashed, its commitment and its place in a batch.</summary>
public sealed class StoredRecord
{
    /// <summary>Record id (lowercase UUID text), also inside the envelope.</summary>
    public required string Id { get; init; }
    public required string Domain { get; init; }
    public required string Type { get; init; }
    /// <summary>Data grade L1–L4 (Data Security Law classification).</summary>
    public required int Level { get; init; }
    /// <summary>Issuing agency identifier, as in the envelope.</summary>
    public required string Issuer { get; init; }
    public required string OccurredAt { get; init; }
    /// <summary>When the service accepted the record, Unix milliseconds.</summary>
    public required long ReceivedAtMs { get; init; }
    /// <summary>The canonical envelope (JCS text) whose keccak-256 is <see cref="RecordHash"/>; holds payload and salt.</summary>
    public required string EnvelopeJson { get; init; }
    /// <summary>0x-prefixed keccak-256 of the canonical envelope; unique.</summary>
    public required string RecordHash { get; init; }
    /// <summary>The API key that submitted it (its public id, not the secret).</summary>
    public required string SubmittedBy { get; init; }
    /// <summary>pending | anchored | confirmed (follows the batch).</summary>
    public required string Status { get; set; }
    /// <summary>The batch that sealed it; null while waiting.</summary>
    public long? BatchId { get; set; }
    /// <summary>JSON array of 0x sibling hashes from leaf to root, fixed when the batch is sealed.</summary>
    public string? MerkleProofJson { get; set; }
}
