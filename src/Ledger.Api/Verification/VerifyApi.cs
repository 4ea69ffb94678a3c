using System.Text.Json.Nodes;
using Ledger.Api.Access;
using Ledger.Api.Hosting;
using Ledger.Api.Issuers;
using Ledger.Api.Problems;
using Ledger.Core.Encoding;
using Ledger.Core.Proofs;
using Ledger.Core.Records;
using Ledger.Data;
using Ledger.Data.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ledger.Api.Verification;

/// <summary>Public verification by record hash: no account; level, agency name and content only for published (L1) records.</summary>
internal static class VerifyApi
{
    public static RouteGroupBuilder MapVerifyApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1")
            .WithTags("Verification")
            .AllowAnonymous()
            .RequireRateLimiting(PublicRateLimiting.Policy)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        group.MapGet("/verify/{recordHash}", VerifyAsync)
            .WithName("VerifyRecord")
            .WithSummary("Check a record hash: status, anchor and the issuer's signature; published (L1) records also show their level, agency name and content")
            .WithDescription("For L2–L4 records the answer holds only what the chain and the signature already say: that the record exists, " +
                "its status, its anchor, and the issuing organisation's id, signing address and signature. Not its level, type, agency name or any time but the anchor's.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/proofs/{recordHash}", ProofAsync)
            .WithName("GetProof")
            .WithSummary("Download the proof bundle (ledger-proof/v1) to check against the chain without trusting this service")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return group;
    }

    private static async Task<Ok<VerificationResult>> VerifyAsync(string recordHash, LedgerDbContext db, CancellationToken ct)
    {
        // One connection for the request's few look-ups, instead of a round trip to the connection pool for each.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await AnswerAsync(recordHash, db, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<Ok<VerificationResult>> AnswerAsync(string recordHash, LedgerDbContext db, CancellationToken ct)
    {
        var (record, batch) = await FindAsync(recordHash, db, ct);
        var standing = await RecordStanding.OfAsync(record, db, ct);
        var common = new VerificationResult(
            record.RecordHash, standing.Status, Level: null, record.Issuer, IssuerName: null,
            ProofBundleFactory.AnchorOf(batch), Content: null, IssuerSections.Of(record), Erasure: null, Revocation: null,
            Supersession: null, new VerificationLinks($"/api/v1/proofs/{record.RecordHash}"));
        if (!PublicDisclosure.ShowsContent((DataLevel)record.Level))
        {
            // L2–L4: nothing beyond what the chain and the signature already say (docs/security.md, "What the public sees").
            return TypedResults.Ok(common);
        }
        var issuerName = await VerificationQueries.OrganisationName(db, record.Issuer, ct);
        return TypedResults.Ok(common with
        {
            Level = record.Level,
            IssuerName = issuerName,
            Content = PublishedContentOf(record),
            Erasure = await ErasureOfAsync(record, db, ct),
            Revocation = standing.Revocation,
            Supersession = standing.Supersession,
        });
    }

    private static async Task<ErasureNotice?> ErasureOfAsync(StoredRecord record, LedgerDbContext db, CancellationToken ct) =>
        record.ErasedAtMs is { } erasedAt
            ? new ErasureNotice(DateTimeOffset.FromUnixTimeMilliseconds(erasedAt),
                record.ErasureId is { } erasureId ? await VerificationQueries.HashOf(db, erasureId, ct) : null)
            : null;

    // Called only for levels the public may see; for the others the envelope is never touched here.
    private static PublishedContent? PublishedContentOf(StoredRecord record)
    {
        if (record.EnvelopeJson.Length == 0)
        {
            return null;
        }
        var envelope = JsonNode.Parse(record.EnvelopeJson)!.AsObject();
        return new PublishedContent(record.Domain, record.Type, RecordEnvelope.TypeVersionOf(envelope), record.OccurredAt,
            DateTimeOffset.FromUnixTimeMilliseconds(record.ReceivedAtMs), envelope["payload"]!.AsObject().DeepClone().AsObject());
    }

    private static async Task<Ok<ProofBundle>> ProofAsync(string recordHash, LedgerDbContext db, CancellationToken ct)
    {
        var (record, batch) = await FindAsync(recordHash, db, ct);
        return TypedResults.Ok(ProofBundleFactory.Create(record, batch, (await RecordStanding.OfAsync(record, db, ct)).Status));
    }

    private static async Task<(StoredRecord Record, Data.Anchoring.AnchorBatch? Batch)> FindAsync(string recordHash, LedgerDbContext db, CancellationToken ct)
    {
        if (!Hex.IsFixed(recordHash, 32))
        {
            throw new LedgerProblem(StatusCodes.Status400BadRequest, "Malformed record hash",
                "A record hash is 0x followed by 64 hexadecimal digits.");
        }
        var normalized = recordHash.ToLowerInvariant();
        var record = await VerificationQueries.RecordByHash(db, normalized, ct)
            ?? throw LedgerProblem.NotFound("No record with this hash is known here.");
        var batch = record.BatchId is { } id ? await VerificationQueries.BatchById(db, id, ct) : null;
        return (record, batch);
    }
}
