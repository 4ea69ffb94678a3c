namespace Ledger.Data.Issuers;

/// <summary>
/// An organisation's secp256k1 signing key, held by the service: the private key is sealed under its own data key,
/// which is wrapped by the master key, so rotating the master key re-wraps it like any data key. Keys rotate: an
/// organisation has at most one current key (<see cref="RetiredAtMs"/> null) and keeps its retired ones.
/// </summary>
public sealed class IssuerKey
{
    /// <summary>The key's Ethereum address (EIP-55): what a verifier recovers from a record signature.</summary>
    public required string Address { get; init; }
    public required string OrganisationId { get; init; }
    /// <summary>The data key that seals <see cref="SealedPrivateKey"/>, wrapped under the master key.</summary>
    public required byte[] WrappedKey { get; set; }
    /// <summary>The 32-byte private key, sealed under that data key with associated data naming the organisation.</summary>
    public required byte[] SealedPrivateKey { get; init; }
    public required long CreatedAtMs { get; init; }
    /// <summary>When the key was retired (no longer signs), Unix milliseconds; null while it is current.</summary>
    public long? RetiredAtMs { get; set; }
    /// <summary>The batch whose anchor transaction registers the key on chain; null until a batch is sealed after it.</summary>
    public long? RegisteredInBatch { get; set; }
    /// <summary>The batch whose anchor transaction retires the key on chain.</summary>
    public long? RetiredInBatch { get; set; }
}
