using System.Text.Json.Nodes;
using Ledger.Api.Access;
using Ledger.Api.Protection;
using Ledger.Api.Records;
using Ledger.Api.Records.Writing;
using Ledger.Core.Records.Types.Internal.Erasure;
using Ledger.Data;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Erasure;

/// <summary>
/// Crypto-shredding of one subject, through the one commit pipeline: in one transaction the ledger/erasure record (the
/// evidence) is stored, the subject's records are marked erased, its data key and its projection rows are deleted — so
/// there is never an erasure without evidence, nor evidence of an erasure that did not happen. Hashes, proofs and
/// anchors are untouched and still verify.
/// </summary>
internal sealed class SubjectErasure(LedgerDbContext db, ProtectionKeys keys, RecordPipeline pipeline, TimeProvider time, ILogger<SubjectErasure> log)
{
    /// <summary>Erases the caller's organisation's subject; null when it holds no readable record of that subject.</summary>
    public async Task<ErasureResult?> EraseAsync(EraseSubjectRequest request, Caller caller, CancellationToken ct)
    {
        // Subjects are scoped to the issuing organisation: another bureau's case with the same reference is another person.
        var digest = RecordSubjects.OfSubject(keys, caller.Organisation, request.Domain, request.SubjectRef);
        var keyId = await db.SubjectKeys.AsNoTracking().Where(k => k.SubjectDigest == digest).Select(k => k.Id).SingleOrDefaultAsync(ct);
        if (keyId is null)
        {
            return null;
        }
        var payload = new JsonObject
        {
            ["subjectDigest"] = digest,
            ["domain"] = request.Domain,
            ["legalBasis"] = request.LegalBasis,
            ["requestedBy"] = caller.KeyId,
        };
        if (request.Note is not null)
        {
            payload["note"] = request.Note;
        }
        var erasedAt = time.GetUtcNow();
        var effects = new ErasureEffects(keyId, digest, request, caller.KeyId, erasedAt.ToUnixTimeMilliseconds());
        var evidence = await pipeline.WriteInternalAsync(LedgerErasure.Definition, caller.Organisation, payload, caller.KeyId, effects, "the erasure", ct);

        // Deleted bytes are overwritten in the file, not just unlinked (every connection runs with secure_delete);
        // the write-ahead log is truncated now that the commit is done.
        await SqliteHygiene.CheckpointAsync(db, ct);
        log.LogInformation("Erased {Count} records of one {Domain} subject (erasure record {ErasureId}, basis {LegalBasis}).",
            effects.ErasedCount, request.Domain, evidence.Id, request.LegalBasis);
        return new ErasureResult(evidence.Id, evidence.RecordHash, effects.ErasedCount, erasedAt, RecordsApi.LinksFor(evidence));
    }
}
