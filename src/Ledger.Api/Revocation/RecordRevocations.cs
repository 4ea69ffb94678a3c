using System.Text.Json.Nodes;
using Ledger.Api.Access;
using Ledger.Api.Issuers;
using Ledger.Api.Problems;
using Ledger.Api.Records;
using Ledger.Core.Records.Types.Internal.Revocation;
using Ledger.Data;
using Ledger.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Revocation;

/// <summary>
/// Revoking a record: in one transaction the ledger/revocation record (the evidence, signed by the issuing
/// organisation and anchored) and its index row are stored. Records are never edited; the revoked one keeps its hash
/// and proof, and reads back as revoked.
/// </summary>
internal sealed class RecordRevocations(
    LedgerDbContext db, EnvelopeBuilder envelopes, RecordProtector protector, IssuerKeys issuerKeys, TimeProvider time,
    ILogger<RecordRevocations> log)
{
    /// <summary>Revokes <paramref name="record"/>, which the policy has already let <paramref name="caller"/> revoke.</summary>
    /// <exception cref="LedgerProblem">409 when the record is already revoked.</exception>
    public async Task<RevocationResult> RevokeAsync(StoredRecord record, RevokeRecordRequest request, Caller caller, CancellationToken ct)
    {
        // Opened now: the first use of an issuer key writes on a connection of its own, which would wait on ours below.
        await issuerKeys.ForAsync(caller.Organisation, ct);

        // SQLite's write lock (BEGIN IMMEDIATE) makes the check and the insert one step across requests and instances;
        // the unique index on revoked_record_id stands behind it.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await EnsureNotRevokedAsync(record, ct);
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
        var evidence = await protector.ProtectAsync(envelopes.BuildInternal(LedgerRevocation.Definition, caller.Organisation, payload, caller.KeyId), ct);
        // To the millisecond, as stored: the answer and every later read name the same instant.
        var revokedAt = DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());
        db.Records.Add(evidence);
        db.Revocations.Add(new RecordRevocation
        {
            Id = evidence.Id,
            RevokedRecordId = record.Id,
            ReasonCode = request.ReasonCode,
            RequestedBy = caller.KeyId,
            RevokedAtMs = revokedAt.ToUnixTimeMilliseconds(),
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        log.LogInformation("Revoked record {RecordId} (revocation record {RevocationId}, reason {ReasonCode}).",
            record.Id, evidence.Id, request.ReasonCode);
        return new RevocationResult(evidence.Id, evidence.RecordHash, record.RecordHash, request.ReasonCode, revokedAt, RecordsApi.LinksFor(evidence));
    }

    private async Task EnsureNotRevokedAsync(StoredRecord record, CancellationToken ct)
    {
        var earlier = await db.Revocations.AsNoTracking()
            .Where(r => r.RevokedRecordId == record.Id)
            .Join(db.Records, r => r.Id, e => e.Id, (r, e) => new { r.RevokedAtMs, e.RecordHash })
            .SingleOrDefaultAsync(ct);
        if (earlier is not null)
        {
            throw new LedgerProblem(StatusCodes.Status409Conflict, "Already revoked",
                $"This record was revoked at {DateTimeOffset.FromUnixTimeMilliseconds(earlier.RevokedAtMs):O} by the revocation record {earlier.RecordHash}; a record is revoked once.");
        }
    }
}
