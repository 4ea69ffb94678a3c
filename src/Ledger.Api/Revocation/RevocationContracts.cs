using Ledger.Api.Records;

namespace Ledger.Api.Revocation;

/// <summary>A request to revoke one record of the caller's organisation.</summary>
/// <param name="ReasonCode">issued-in-error, withdrawn, court-order, duplicate or other.</param>
/// <param name="Note">Reference of the decision or order, at most 500 characters; required when the code is other.</param>
public sealed record RevokeRecordRequest(string ReasonCode, string? Note);

/// <summary>
/// A revocation done: the ledger/revocation record that is its evidence (anchored like any record; verify it by its
/// hash). The revoked record's hash and proof still verify, with status revoked.
/// </summary>
/// <param name="RevocationId">The id of the ledger/revocation record.</param>
/// <param name="RecordHash">Its record hash.</param>
/// <param name="RevokedRecord">The hash of the record it revokes.</param>
/// <param name="ReasonCode">The reason code given.</param>
/// <param name="RevokedAt">When the revocation was stored.</param>
/// <param name="Links">Where to verify the revocation record and fetch its proof.</param>
public sealed record RevocationResult(
    string RevocationId, string RecordHash, string RevokedRecord, string ReasonCode, DateTimeOffset RevokedAt, RecordLinks Links);
