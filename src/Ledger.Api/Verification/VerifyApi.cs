using System.Text.Json;
using System.Text.Json.Nodes;
using Ledger.Api.Access;
using Ledger.Api.Hosting;
using Ledger.Api.Problems;
using Ledger.Core.Encoding;
using Ledger.Core.Proofs;
using Ledger.Core.Records;
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
            .RequirePublicRateLimit()
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

    private static async Task<Ok<VerificationResult>> VerifyAsync(string recordHash, VerifyLookup lookup, HttpContext context, CancellationToken ct)
    {
        var record = await FindAsync(recordHash, lookup, context, ct);
        var common = new VerificationResult(
            record.RecordHash, record.PublicStatus, Level: null, record.Issuer, IssuerName: null,
            record.Anchor, Content: null, record.Signature, Erasure: null, Revocation: null,
            Supersession: null, new VerificationLinks($"/api/v1/proofs/{record.RecordHash}"));
        if (!PublicDisclosure.ShowsContent((DataLevel)record.Level))
        {
            // L2–L4: nothing beyond what the chain and the signature already say (docs/security.md, "What the public sees").
            return TypedResults.Ok(common);
        }
        return TypedResults.Ok(common with
        {
            Level = record.Level,
            IssuerName = record.IssuerName,
            Content = PublishedContentOf(record),
            Erasure = record.ErasedAtMs is { } erasedAt
                ? new ErasureNotice(DateTimeOffset.FromUnixTimeMilliseconds(erasedAt), record.ErasureRecordHash)
                : null,
            Revocation = record.Revocation,
            Supersession = record.Supersession,
        });
    }

    // Called only for levels the public may see; for the others the envelope is never touched here.
    private static PublishedContent? PublishedContentOf(VerifiedRecord record)
    {
        if (record.EnvelopeJson.Length == 0)
        {
            return null;
        }
        var envelope = JsonNode.Parse(record.EnvelopeJson)!.AsObject();
        var typeVersion = RecordEnvelope.TypeVersionOf(envelope);
        // Detached rather than copied: the envelope node is this request's own.
        var payload = envelope["payload"]!.AsObject();
        envelope.Remove("payload");
        return new PublishedContent(record.Domain, record.Type, typeVersion, record.OccurredAt,
            DateTimeOffset.FromUnixTimeMilliseconds(record.ReceivedAtMs), payload);
    }

    private static async Task<Ok<ProofBundle>> ProofAsync(string recordHash, VerifyLookup lookup, HttpContext context, CancellationToken ct)
    {
        var record = await FindAsync(recordHash, lookup, context, ct);
        return TypedResults.Ok(new ProofBundle
        {
            Format = ProofBundle.CurrentFormat,
            RecordHash = record.RecordHash,
            Status = record.PublicStatus,
            Merkle = record.BatchRoot is null || record.MerkleProofJson is null
                ? null
                : new MerkleSection(record.BatchRoot, JsonSerializer.Deserialize<List<string>>(record.MerkleProofJson)!),
            Anchor = record.Anchor,
            Issuer = record.Signature,
        });
    }

    private static async Task<VerifiedRecord> FindAsync(string recordHash, VerifyLookup lookup, HttpContext context, CancellationToken ct)
    {
        if (!Hex.IsFixed(recordHash, 32))
        {
            throw new LedgerProblem(StatusCodes.Status400BadRequest, "Malformed record hash",
                "A record hash is 0x followed by 64 hexadecimal digits.");
        }
        return await lookup.FindAsync(recordHash.ToLowerInvariant(), context.RequestServices, ct)
            ?? throw LedgerProblem.NotFound("No record with this hash is known here.");
    }
}
