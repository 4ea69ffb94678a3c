using Ledger.Core.Canonical;
using Ledger.Core.Encoding;
using Ledger.Core.Hashing;

namespace Ledger.Core.Records;

/// <summary>The salted commitment to a record: keccak-256 of the envelope's RFC 8785 canonical JSON.</summary>
public static class RecordCommitment
{
    /// <summary>The exact bytes that are hashed: the canonical UTF-8 JSON of <see cref="RecordEnvelope.ToJson"/>.</summary>
    /// <exception cref="RecordFormatException">The envelope is not well formed.</exception>
    /// <exception cref="CanonicalJsonException">The payload cannot be canonicalized (e.g. an inexact number).</exception>
    public static byte[] CanonicalBytes(RecordEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        envelope.EnsureWellFormed();
        return JsonCanonicalizer.Canonicalize(envelope.ToJson());
    }

    /// <summary>The 32-byte record hash.</summary>
    public static byte[] Hash(RecordEnvelope envelope) => Keccak256.Hash(CanonicalBytes(envelope));

    /// <summary>The record hash as "0x" + 64 lower-case hex digits.</summary>
    public static string ComputeHash(RecordEnvelope envelope) => Hex.Encode(Hash(envelope));

    /// <summary>
    /// The canonical JSON the ledger stores and the hash of its UTF-8 bytes, from one canonicalisation: what
    /// <see cref="CanonicalBytes"/> and <see cref="ComputeHash"/> give, without building the canonical form twice.
    /// </summary>
    /// <exception cref="RecordFormatException">The envelope is not well formed.</exception>
    /// <exception cref="CanonicalJsonException">The payload cannot be canonicalized (e.g. an inexact number).</exception>
    public static (string CanonicalJson, string RecordHash) Commit(RecordEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        envelope.EnsureWellFormed();
        var canonical = JsonCanonicalizer.CanonicalizeToString(envelope.ToJson());
        return (canonical, Hex.Encode(Keccak256.Hash(JsonCanonicalizer.Utf8Of(canonical))));
    }
}
