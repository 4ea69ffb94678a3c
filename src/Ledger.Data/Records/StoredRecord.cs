using Ledger.Data.Anchoring;

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
    /// <summary>
    /// The canonical envelope (JCS text) whose keccak-256 is <see cref="RecordHash"/>, for L1 (public) records only.
    /// Empty for L2 and above, whose envelope (payload and salt) is kept only in <see cref="SealedEnvelope"/>.
    /// </summary>
    public required string EnvelopeJson { get; init; }
    /// <summary>0x-prefixed keccak-256 of the canonical envelope; unique.</summary>
    public required string RecordHash { get; init; }
    /// <summary>The API key that submitted it (its public id, not the secret).</summary>
    public required string SubmittedBy { get; init; }
    /// <summary>
    /// The <c>status</c> column: <c>pending</c>, written at insert and never changed. A record's anchoring status is
    /// its batch's state (<see cref="BatchState.RecordStatus"/>, <see cref="AnchoringStatus"/>), so a batch's move
    /// rewrites none of its records under the write lock. Rows anchored by earlier versions keep the status they were
    /// last given, which nothing reads. Internal so that no reader can take it for the live status.
    /// </summary>
    internal string Status { get; init; } = Core.Proofs.RecordStatus.Pending;
    /// <summary>The batch that sealed it; null while waiting.</summary>
    public long? BatchId { get; set; }
    /// <summary>JSON array of 0x sibling hashes from leaf to root, fixed when the batch is sealed.</summary>
    public string? MerkleProofJson { get; set; }

    /// <summary>The canonical envelope sealed with AES-256-GCM under the subject's data key (L2 and above).</summary>
    public byte[]? SealedEnvelope { get; init; }
    /// <summary>The data key that sealed it; null for L1, and once the key is destroyed by an erasure.</summary>
    public string? DataKeyId { get; init; }
    /// <summary>The issuing organisation's signing address (EIP-55), when the record was signed.</summary>
    public string? IssuerAddress { get; init; }
    /// <summary>The issuer's EIP-191 signature over the record hash, 0x + 130 hex digits.</summary>
    public string? IssuerSignature { get; init; }
    /// <summary>When the subject's data key was destroyed, Unix milliseconds; null while the payload is readable.</summary>
    public long? ErasedAtMs { get; init; }
    /// <summary>The ledger/erasure record that destroyed the data key.</summary>
    public string? ErasureId { get; init; }

    /// <summary>
    /// The status users see: <c>erased</c> once the payload is destroyed, otherwise the anchoring status of a record
    /// whose batch is in <paramref name="batchState"/> (null while it waits for a batch).
    /// </summary>
    public string PublicStatus(string? batchState) => ErasedAtMs is null ? BatchState.RecordStatus(batchState) : Core.Proofs.RecordStatus.Erased;

    /// <summary>A copy with the envelope sealed: <see cref="EnvelopeJson"/> empty, the sealed bytes and their key kept.</summary>
    public StoredRecord WithSealedEnvelope(byte[] sealedEnvelope, string dataKeyId) => Copy(sealedEnvelope, dataKeyId, IssuerAddress, IssuerSignature, "");

    /// <summary>A copy carrying the issuer's signature.</summary>
    public StoredRecord WithIssuerSignature(string address, string signature) => Copy(SealedEnvelope, DataKeyId, address, signature, EnvelopeJson);

    private StoredRecord Copy(byte[]? sealedEnvelope, string? dataKeyId, string? issuerAddress, string? issuerSignature, string envelopeJson) => new()
    {
        Id = Id, Domain = Domain, Type = Type, Level = Level, Issuer = Issuer, OccurredAt = OccurredAt,
        ReceivedAtMs = ReceivedAtMs, EnvelopeJson = envelopeJson, RecordHash = RecordHash, SubmittedBy = SubmittedBy,
        Status = Status, BatchId = BatchId, MerkleProofJson = MerkleProofJson,
        SealedEnvelope = sealedEnvelope, DataKeyId = dataKeyId, IssuerAddress = issuerAddress, IssuerSignature = issuerSignature,
        ErasedAtMs = ErasedAtMs, ErasureId = ErasureId,
    };
}
