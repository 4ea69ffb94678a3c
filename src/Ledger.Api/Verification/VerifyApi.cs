using Ledger.Api.Hosting;
using Ledger.Api.Problems;
using Ledger.Core.Encoding;
using Ledger.Core.Proofs;
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

        // The look-up is taken here, once: a handler parameter resolved from the request's services would open a
        // service scope on every public look-up, which nothing else in it needs on SQLite.
        var lookup = routes.ServiceProvider.GetRequiredService<VerifyLookup>();
        group.MapGet("/verify/{recordHash}", (string recordHash, HttpContext context, CancellationToken ct) => VerifyAsync(recordHash, lookup, context, ct))
            .WithName("VerifyRecord")
            .WithSummary("Check a record hash: status, anchor and the issuer's signature; published (L1) records also show their level, agency name and content")
            .WithDescription("For L2–L4 records the answer holds only what the chain and the signature already say: that the record exists, " +
                "its status, its anchor, and the issuing organisation's id, signing address and signature. Not its level, type, agency name or any time but the anchor's.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/proofs/{recordHash}", (string recordHash, HttpContext context, CancellationToken ct) => ProofAsync(recordHash, lookup, context, ct))
            .WithName("GetProof")
            .WithSummary("Download the proof bundle (ledger-proof/v1) to check against the chain without trusting this service")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return group;
    }

    private static async Task<VerificationAnswer> VerifyAsync(string recordHash, VerifyLookup lookup, HttpContext context, CancellationToken ct) =>
        new(await FindAsync(recordHash, proof: false, lookup, context, ct));

    private static async Task<Ok<ProofBundle>> ProofAsync(string recordHash, VerifyLookup lookup, HttpContext context, CancellationToken ct)
    {
        var record = await FindAsync(recordHash, proof: true, lookup, context, ct);
        return TypedResults.Ok(new ProofBundle
        {
            Format = ProofBundle.CurrentFormat,
            RecordHash = record.RecordHash,
            Status = record.PublicStatus,
            Merkle = record.BatchRoot is null || record.MerkleProof is null ? null : new MerkleSection(record.BatchRoot, record.MerkleProof),
            Anchor = record.Anchor,
            Issuer = record.Signature,
        });
    }

    private static async Task<VerifiedRecord> FindAsync(string recordHash, bool proof, VerifyLookup lookup, HttpContext context, CancellationToken ct)
    {
        if (!Hex.IsFixed(recordHash, 32))
        {
            throw new LedgerProblem(StatusCodes.Status400BadRequest, "Malformed record hash",
                "A record hash is 0x followed by 64 hexadecimal digits.");
        }
        return await lookup.FindAsync(recordHash.ToLowerInvariant(), proof, context, ct)
            ?? throw LedgerProblem.NotFound("No record with this hash is known here.");
    }
}
