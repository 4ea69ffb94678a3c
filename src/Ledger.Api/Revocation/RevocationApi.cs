using System.Security.Claims;
using Ledger.Api.Access;
using Ledger.Api.Problems;
using Ledger.Api.Records;
using Ledger.Core.Encoding;
using Ledger.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ledger.Api.Revocation;

/// <summary>Revoking a record: it no longer stands, though its hash and proof still verify.</summary>
internal static class RevocationApi
{
    private const string NotFoundDetail = "No record with this hash is known here.";
    private static readonly JsonBodyLimits BodyLimits = new("revocation request", MaxBytes: 8 * 1024, MaxDepth: 8);

    public static RouteGroupBuilder MapRevocationApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/records")
            .WithTags("Records")
            .RequireAuthorization();

        group.MapPost("/{recordHash}/revocation", RevokeAsync)
            .WithName("RevokeRecord")
            .WithSummary("Revoke a record of your organisation or one below it (issued in error, withdrawn, court order, duplicate, other)")
            .WithDescription("Only staff of the issuing organisation, or of an organisation above it, whose role may revoke the type " +
                "(docs/security.md, the permissions table) may revoke it, once. Stores an anchored " +
                "ledger/revocation record naming the revoked record's hash; that record's hash and proof still verify and show status revoked. " +
                "A second revocation is a 409 saying when and by which record it was revoked.")
            .Accepts<RevokeRecordRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }

    private static async Task<Created<RevocationResult>> RevokeAsync(
        string recordHash, HttpRequest request, ClaimsPrincipal user, LedgerDbContext db, IRecordFactsReader facts, IAccessPolicy policy,
        RecordRevocations revocations, CancellationToken ct)
    {
        if (!Hex.IsFixed(recordHash, 32))
        {
            throw new LedgerProblem(StatusCodes.Status400BadRequest, "Malformed record hash",
                "A record hash is 0x followed by 64 hexadecimal digits.");
        }
        var caller = Caller.From(user);
        var (record, _) = await RecordLookup.LoadAllowedByHashAsync(
            recordHash.ToLowerInvariant(), LedgerAction.RevokeRecord, caller, request, db, facts, policy, NotFoundDetail, ct);
        var body = await JsonBodyReader.ReadObjectAsync(request, BodyLimits, ct);
        var ask = RevocationRequestParser.Parse(body.Object);
        var result = await revocations.RevokeAsync(record, ask, caller, ct);
        return TypedResults.Created(result.Links.Self, result);
    }
}
