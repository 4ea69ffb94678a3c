namespace Ledger.Data.Records;

/// <summary>
/// A submission made under an <c>Idempotency-Key</c>: which record the key produced and a fingerprint of the request,
/// so a retry gets the original answer and a reused key with another body is refused. Written in the same transaction
/// as its record.
/// </summary>
public sealed class IdempotentSubmission
{
    /// <summary>Longest accepted Idempotency-Key.</summary>
    public const int MaxKeyLength = 128;

    /// <summary>The API key that sent it (its public id); keys are scoped per API key so clients cannot collide.</summary>
    public required string ApiKeyId { get; init; }
    /// <summary>The client's Idempotency-Key, 1–128 printable ASCII characters.</summary>
    public required string Key { get; init; }
    /// <summary>Lowercase hex SHA-256 of the canonical (RFC 8785) request body.</summary>
    public required string RequestHash { get; init; }
    /// <summary>The record the first request with this key created.</summary>
    public required string RecordId { get; init; }
    /// <summary>When the key was first used, Unix milliseconds; keys are forgotten after the retention period.</summary>
    public required long CreatedAtMs { get; init; }
}
