using System.Text.Json.Nodes;
using Ledger.Api.Access;
using Ledger.Api.Issuers;
using Ledger.Api.Protection;
using Ledger.Api.Records;
using Ledger.Core.Records.Types.Internal.Erasure;
using Ledger.Data;
using Ledger.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Erasure;

/// <summary>
/// Crypto-shredding of one subject: in one transaction the ledger/erasure record (the evidence) is stored, the
/// subject's records are marked erased and its data key is deleted — so there is never an erasure without evidence,
/// nor evidence of an erasure that did not happen. Hashes, proofs and anchors are untouched and still verify.
/// </summary>
internal sealed class SubjectErasure(
    LedgerDbContext db, ProtectionKeys keys, EnvelopeBuilder envelopes, RecordProtector protector, IssuerKeys issuerKeys, TimeProvider time,
    ILogger<SubjectErasure> log)
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
        // Opened now: the first use of an issuer key writes on a connection of its own, which would wait on ours below.
        await issuerKeys.ForAsync(caller.Organisation, ct);

        // Deleted bytes are overwritten in the file, not just unlinked (every connection runs with secure_delete),
        // and the write-ahead log is truncated after the commit.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var erasedCount = await db.Records.CountAsync(r => r.DataKeyId == keyId, ct);
        var payload = new JsonObject
        {
            ["subjectDigest"] = digest,
            ["domain"] = request.Domain,
            ["legalBasis"] = request.LegalBasis,
            ["erasedCount"] = erasedCount,
            ["requestedBy"] = caller.KeyId,
        };
        if (request.Note is not null)
        {
            payload["note"] = request.Note;
        }
        var evidence = await protector.ProtectAsync(envelopes.BuildInternal(LedgerErasure.Definition, caller.Organisation, payload, caller.KeyId), ct);
        var erasedAt = time.GetUtcNow();
        var erasedAtMs = erasedAt.ToUnixTimeMilliseconds();
        db.Records.Add(evidence);
        db.Erasures.Add(new RecordErasure
        {
            Id = evidence.Id,
            SubjectDigest = digest,
            Domain = request.Domain,
            LegalBasis = request.LegalBasis,
            ErasedCount = erasedCount,
            RequestedBy = caller.KeyId,
            ErasedAtMs = erasedAtMs,
        });
        await db.SaveChangesAsync(ct);
        await db.Records.Where(r => r.DataKeyId == keyId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ErasedAtMs, erasedAtMs).SetProperty(r => r.ErasureId, evidence.Id), ct);
        // The crypto-shredding itself; the records' data_key_id is cleared by the foreign key (ON DELETE SET NULL).
        await db.SubjectKeys.Where(k => k.Id == keyId).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);

        await SqliteHygiene.CheckpointAsync(db, ct);
        log.LogInformation("Erased {Count} records of one {Domain} subject (erasure record {ErasureId}, basis {LegalBasis}).",
            erasedCount, request.Domain, evidence.Id, request.LegalBasis);
        return new ErasureResult(evidence.Id, evidence.RecordHash, erasedCount, erasedAt, RecordsApi.LinksFor(evidence));
    }
}
