using System.Text.Json.Nodes;
using Ledger.Core.Proofs;

namespace Ledger.Api.Verification;

/// <summary>
/// What the public learns about a record hash. For every level: that it exists, its status, where it is anchored and
/// who signed it (organisation id, address, signature — needed to check the signature). For published (L1) records
/// also their level, the agency's registered name, their content and times; for L2–L4 those are null, since the level
/// names the record type and a time can be whereabouts.
/// </summary>
/// <param name="RecordHash">The hash that was asked about.</param>
/// <param name="Status">
/// pending, anchored, confirmed, superseded (replaced by a correction), revoked (withdrawn by its issuer) or erased
/// (payload destroyed); the hash and proof still verify.
/// </param>
/// <param name="Level">Data grade: 1 for published records; null for every other level.</param>
/// <param name="Issuer">The issuing organisation's id (also in <paramref name="Signature"/>).</param>
/// <param name="IssuerName">The issuing agency's registered name (L1 only); null otherwise or when it is not registered here.</param>
/// <param name="Anchor">Where its batch root is on chain; null while pending.</param>
/// <param name="Content">The published record (L1 only); null for every other level.</param>
/// <param name="Signature">The issuing organisation's signature over the record hash; null for records stored before signing.</param>
/// <param name="Erasure">When and by which (anchored) erasure record the payload was destroyed (L1 only); null otherwise.</param>
/// <param name="Revocation">When, why and by which (anchored) revocation record the issuer revoked it (L1 only); null otherwise.</param>
/// <param name="Supersession">When and by which newer (anchored) record it was corrected (L1 only); null otherwise.</param>
/// <param name="Links">The downloadable proof bundle.</param>
public sealed record VerificationResult(
    string RecordHash,
    string Status,
    int? Level,
    string Issuer,
    string? IssuerName,
    AnchorSection? Anchor,
    PublishedContent? Content,
    IssuerSection? Signature,
    ErasureNotice? Erasure,
    RevocationNotice? Revocation,
    SupersessionNotice? Supersession,
    VerificationLinks Links);

/// <summary>That a record was corrected: when, and the newer record (itself anchored, its envelope naming this one) that replaces it.</summary>
/// <param name="SupersededAt">When the correction was stored.</param>
/// <param name="SupersededBy">The hash of the correcting record; verify it like any record.</param>
public sealed record SupersessionNotice(DateTimeOffset SupersededAt, string SupersededBy);

/// <summary>That the issuing organisation revoked a record: when, why, and the revocation record (itself anchored) that says so.</summary>
/// <param name="RevokedAt">When the revocation was stored.</param>
/// <param name="RevokedBy">The hash of the ledger/revocation record; verify it like any record.</param>
/// <param name="ReasonCode">issued-in-error, withdrawn, court-order, duplicate or other.</param>
public sealed record RevocationNotice(DateTimeOffset RevokedAt, string RevokedBy, string ReasonCode);

/// <summary>That a record's payload was erased: when, and the erasure record (itself anchored) that says so.</summary>
/// <param name="ErasedAt">When the subject's data key was destroyed.</param>
/// <param name="ErasureRecordHash">The hash of the ledger/erasure record; verify it like any record.</param>
public sealed record ErasureNotice(DateTimeOffset ErasedAt, string? ErasureRecordHash);

/// <summary>The content of a published (L1) record, e.g. an inspection result shown to buyers.</summary>
/// <param name="Domain">The record's domain.</param>
/// <param name="Type">The record's type.</param>
/// <param name="TypeVersion">The version of the type's schema the payload was written under (1 for records made before versions).</param>
/// <param name="OccurredAt">When the recorded event happened.</param>
/// <param name="RecordedAt">When the service accepted the record.</param>
/// <param name="Payload">The record's fields, all of them L1.</param>
public sealed record PublishedContent(string Domain, string Type, int TypeVersion, string OccurredAt, DateTimeOffset RecordedAt, JsonObject Payload);

/// <summary>Links from a verification result.</summary>
public sealed record VerificationLinks(string Proof);
