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
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Verification;

/// <summary>Public verification by record hash: no account; content only for published (L1) records.</summary>
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
            .WithSummary("Check a record hash: status, level, issuing agency and anchor; published (L1) records also show their content")
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
        var (record, batch) = await FindAsync(recordHash, db, ct);
        var issuerName = await db.Organisations.AsNoTracking()
            .Where(o => o.Id == record.Issuer).Select(o => o.Name).SingleOrDefaultAsync(ct);
        return TypedResults.Ok(new VerificationResult(
            record.RecordHash, record.PublicStatus, record.Level, record.Issuer, issuerName,
            ProofBundleFactory.AnchorOf(batch),
            PublishedContentOf(record),
            IssuerSections.Of(record),
            await ErasureOfAsync(record, db, ct),
            new VerificationLinks($"/api/v1/proofs/{record.RecordHash}")));
    }

    private static async Task<ErasureNotice?> ErasureOfAsync(StoredRecord record, LedgerDbContext db, CancellationToken ct) =>
        record.ErasedAtMs is { } erasedAt
            ? new ErasureNotice(DateTimeOffset.FromUnixTimeMilliseconds(erasedAt),
                await db.Records.AsNoTracking().Where(r => r.Id == record.ErasureId).Select(r => r.RecordHash).SingleOrDefaultAsync(ct))
            : null;

    // The envelope is read only for levels the public may see; for the others it is never touched here.
    private static PublishedContent? PublishedContentOf(StoredRecord record) =>
        PublicDisclosure.ShowsContent((DataLevel)record.Level) && record.EnvelopeJson.Length > 0
            ? new PublishedContent(record.Domain, record.Type, record.OccurredAt,
                DateTimeOffset.FromUnixTimeMilliseconds(record.ReceivedAtMs),
                JsonNode.Parse(record.EnvelopeJson)!["payload"]!.AsObject().DeepClone().AsObject())
            : null;

    private static async Task<Ok<ProofBundle>> ProofAsync(string recordHash, LedgerDbContext db, CancellationToken ct)
    {
        var (record, batch) = await FindAsync(recordHash, db, ct);
        return TypedResults.Ok(ProofBundleFactory.Create(record, batch));
    }

    private static async Task<(StoredRecord Record, Data.Anchoring.AnchorBatch? Batch)> FindAsync(string recordHash, LedgerDbContext db, CancellationToken ct)
    {
        if (!Hex.IsFixed(recordHash, 32))
        {
            throw new LedgerProblem(StatusCodes.Status400BadRequest, "Malformed record hash",
                "A record hash is 0x followed by 64 hexadecimal digits.");
        }
        var normalized = recordHash.ToLowerInvariant();
        var record = await db.Records.AsNoTracking().SingleOrDefaultAsync(r => r.RecordHash == normalized, ct)
            ?? throw LedgerProblem.NotFound("No record with this hash is known here.");
        var batch = record.BatchId is { } id
            ? await db.Batches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct)
            : null;
        return (record, batch);
    }
}
