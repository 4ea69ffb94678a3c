using Ledger.Api.Records;

namespace Ledger.Api.Erasure;

/// <summary>A request to erase one data subject's payloads (crypto-shredding).</summary>
/// <param name="Domain">The domain the subject belongs to: community-correction or shared-community.</param>
/// <param name="SubjectRef">The subject's reference as it appears in the records (check-in subjectRef, volunteer-service volunteerRef).</param>
/// <param name="LegalBasis">pipl-47-deletion-request, retention-expired, court-order or other.</param>
/// <param name="Note">Reference of the request or order; required when the basis is other.</param>
public sealed record EraseSubjectRequest(string Domain, string SubjectRef, string LegalBasis, string? Note);

/// <summary>
/// An erasure done: the ledger/erasure record that is its evidence (anchored like any record; verify it by its hash)
/// and how many records' payloads are now unreadable. Their hashes and proofs still verify, with status erased.
/// </summary>
/// <param name="ErasureId">The id of the ledger/erasure record.</param>
/// <param name="RecordHash">Its record hash.</param>
/// <param name="ErasedRecords">Records whose payload was destroyed.</param>
/// <param name="ErasedAt">When the data key was destroyed.</param>
/// <param name="Links">Where to verify the erasure record and fetch its proof.</param>
public sealed record ErasureResult(string ErasureId, string RecordHash, int ErasedRecords, DateTimeOffset ErasedAt, RecordLinks Links);
