using System.Text.Json.Nodes;
using Ledger.Api.Access;
using Ledger.Api.Correction;
using Ledger.Api.Problems;
using Ledger.Api.Records;
using Ledger.Api.Records.Writing;
using Ledger.Core.Records.Types.Internal.Revocation;
using Ledger.Data;
using Ledger.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Revocation;

/// <summary>
/// Revoking a record: the ledger/revocation record (the evidence, signed by the issuing organisation and anchored) and
/// its index row go through the one commit pipeline, in one transaction. Records are never edited; the revoked one
/// keeps its hash and proof, and reads back as revoked. The revocation of a record of a community-correction case is the
/// case's next chain link (assigned in the same commit), so a case's records cannot be handed out without it unnoticed.
/// </summary>
internal sealed class RecordRevocations(
    RecordPipeline pipeline, LedgerDbContext db, Community.RevocationReversals reversals, TimeProvider time, ILogger<RecordRevocations> log)
{
    /// <summary>Revokes <paramref name="record"/>, which the policy has already let <paramref name="caller"/> revoke.</summary>
    /// <exception cref="LedgerProblem">
    /// 409 when the record is already revoked; 422 when reversing a time-bank or fund entry would take a balance below zero.
    /// </exception>
    public async Task<RevocationResult> RevokeAsync(StoredRecord record, RevokeRecordRequest request, Caller caller, CancellationToken ct)
    {
        var payload = new JsonObject
        {
            ["revokedRecord"] = record.RecordHash,
            ["reasonCode"] = request.ReasonCode,
            ["requestedBy"] = caller.KeyId,
        };
        if (request.Note is not null)
        {
            payload["note"] = request.Note;
        }
        // To the millisecond, as stored: the answer and every later read name the same instant.
        var revokedAt = DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());
        // A case's record: the revocation is the case's next chain link. A time-bank or fund entry stops counting in the same
        // commit: its reversal's rules run after "already-revoked".
        var effects = CommitEffects.Both(
            CommitEffects.Both(
                new RevocationEffects(record.Id, request.ReasonCode, caller.KeyId, revokedAt.ToUnixTimeMilliseconds()),
                await CaseLinkAsync(record, revokedAt, ct)),
            await reversals.ForAsync(record, ct));
        var evidence = await pipeline.WriteInternalAsync(LedgerRevocation.Definition, caller.Organisation, payload, caller.KeyId, effects, "the revocation", ct);

        log.LogInformation("Revoked record {RecordId} (revocation record {RevocationId}, reason {ReasonCode}).",
            record.Id, evidence.Id, request.ReasonCode);
        return new RevocationResult(evidence.Id, evidence.RecordHash, record.RecordHash, request.ReasonCode, revokedAt, RecordsApi.LinksFor(evidence));
    }

    // The revoked record's case, if it has one: the revocation joins its chain (its link read under the write lock).
    private async Task<CommitEffects?> CaseLinkAsync(StoredRecord record, DateTimeOffset at, CancellationToken ct) =>
        await db.CaseChain.AsNoTracking().Where(e => e.RecordId == record.Id).Select(e => e.CaseId).SingleOrDefaultAsync(ct) is { } caseId
            ? new CaseChainEffects(caseId, closes: false, at.ToUnixTimeMilliseconds(), revocation: true)
            : null;
}
