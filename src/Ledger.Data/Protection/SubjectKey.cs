namespace Ledger.Data.Protection;

/// <summary>
/// A data subject's data key, wrapped under the master key. The subject appears only as a keyed digest; the id is a
/// random opaque name written into every envelope the key seals. Deleting the row crypto-shreds those envelopes.
/// </summary>
public sealed class SubjectKey
{
    /// <summary>Opaque random id (<c>dk_</c> + 32 hex digits), never derived from the subject.</summary>
    public required string Id { get; init; }
    /// <summary>0x + 64 hex: HMAC-SHA256 of issuer, domain and subject reference under the subject-index secret.</summary>
    public required string SubjectDigest { get; init; }
    /// <summary>The data key wrapped by <c>KeyWrapper</c> (it names the master key that wrapped it).</summary>
    public required byte[] WrappedKey { get; set; }
    public required long CreatedAtMs { get; init; }
}
