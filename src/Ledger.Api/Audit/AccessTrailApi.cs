using System.Security.Claims;
using Ledger.Api.Access;
using Ledger.Api.Problems;
using Ledger.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Audit;

/// <summary>The access trail: who read which non-public record, when and why; and proof that the trail is complete.</summary>
internal static class AccessTrailApi
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 500;

    public static IEndpointRouteBuilder MapAccessTrailApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1")
            .WithTags("Access trail")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/access-trail", ListAsync)
            .RequireLedgerAction(LedgerAction.ReadAccessTrail)
            .WithName("ListAccessTrail")
            .WithSummary("Auditors: reads of non-public records issued in their jurisdiction, oldest first (page with after and limit)");

        group.MapGet("/access-trail/verification", VerifyAsync)
            .RequireLedgerAction(LedgerAction.ReadAccessTrail)
            .WithName("VerifyAccessTrail")
            .WithSummary("Auditors: walk the whole trail and check that it is complete and unaltered, and how much of it is anchored");

        group.MapGet("/records/{id}/access-trail", ForRecordAsync)
            .WithName("GetRecordAccessTrail")
            .WithSummary("Who read this record: auditors of its jurisdiction and its issuing organisation's staff of its domain")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Ok<AccessTrailPage>> ListAsync(ClaimsPrincipal user, AccessTrailReader reader, long? after, int? limit, CancellationToken ct)
    {
        var (from, take) = Paging(after, limit);
        var jurisdiction = Caller.From(user).Jurisdiction;
        return TypedResults.Ok(jurisdiction is null
            ? new AccessTrailPage([], null)
            : await reader.PageForJurisdictionAsync(jurisdiction, from, take, ct));
    }

    private static async Task<Ok<AccessTrailVerification>> VerifyAsync(AccessTrailVerifier verifier, CancellationToken ct) =>
        TypedResults.Ok(await verifier.VerifyAsync(ct));

    private static async Task<Ok<AccessTrailPage>> ForRecordAsync(
        string id, HttpRequest request, ClaimsPrincipal user, LedgerDbContext db, IAccessPolicy policy, IRecordFactsReader facts,
        AccessTrailReader reader, long? after, int? limit, CancellationToken ct)
    {
        const string NotFound = "No record has that id.";
        var record = await db.Records.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw LedgerProblem.NotFound(NotFound);
        policy.Decide(Caller.FromOrNull(user), LedgerAction.ReadAccessTrail, await facts.ForAsync(record, ct), AccessPurpose.Read(request))
            .EnsureAllowed(NotFound);
        var (from, take) = Paging(after, limit);
        return TypedResults.Ok(await reader.PageForRecordAsync(record.Id, from, take, ct));
    }

    private static (long After, int Limit) Paging(long? after, int? limit)
    {
        if (after is < 0)
        {
            throw LedgerProblem.Invalid("after", "Must be 0 or more: the sequence number of the last entry already seen.");
        }
        if (limit is < 1 or > MaxLimit)
        {
            throw LedgerProblem.Invalid("limit", $"Must be 1 to {MaxLimit}.");
        }
        return (after ?? 0, limit ?? DefaultLimit);
    }
}
