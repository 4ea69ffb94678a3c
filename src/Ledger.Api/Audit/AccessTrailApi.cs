using System.Globalization;
using System.Security.Claims;
using Ledger.Api.Access;
using Ledger.Api.Paging;
using Ledger.Api.Problems;
using Ledger.Api.Records;
using Ledger.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ledger.Api.Audit;

/// <summary>The access trail: who read which non-public record, when and why; and proof that the trail is complete.</summary>
internal static class AccessTrailApi
{
    private static readonly string PagingDescription = PageRequest.Description +
        " Entries are in sequence order; after = a sequence number (the page's next) still works in place of cursor.";

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
            .WithSummary("Auditors: reads of non-public records issued in their jurisdiction, oldest first (page with cursor and limit)")
            .WithDescription(PagingDescription)
            .WithETag();

        group.MapGet("/access-trail/verification", VerifyAsync)
            .RequireLedgerAction(LedgerAction.ReadAccessTrail)
            .WithName("VerifyAccessTrail")
            .WithSummary("Auditors: walk the whole trail and check that it is complete and unaltered, and how much of it is anchored");

        group.MapGet("/records/{id}/access-trail", ForRecordAsync)
            .WithName("GetRecordAccessTrail")
            .WithSummary("Who read this record: auditors of its jurisdiction and its issuing organisation's staff of its domain")
            .WithDescription(PagingDescription)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithETag();
        return routes;
    }

    private static async Task<Ok<AccessTrailPage>> ListAsync(
        ClaimsPrincipal user, AccessTrailReader reader, string? cursor, string? after, string? limit, CancellationToken ct)
    {
        var (from, take) = Paging(cursor, after, limit);
        var jurisdiction = Caller.From(user).Jurisdiction;
        return TypedResults.Ok(jurisdiction is null
            ? new AccessTrailPage([], null, new PageInfo(take, null, Total: 0))
            : await reader.PageForJurisdictionAsync(jurisdiction, from, take, ct));
    }

    private static async Task<Ok<AccessTrailVerification>> VerifyAsync(AccessTrailVerifier verifier, CancellationToken ct) =>
        TypedResults.Ok(await verifier.VerifyAsync(ct));

    private static async Task<Ok<AccessTrailPage>> ForRecordAsync(
        string id, HttpRequest request, ClaimsPrincipal user, LedgerDbContext db, IAccessPolicy policy, IRecordFactsReader facts,
        AccessTrailReader reader, string? cursor, string? after, string? limit, CancellationToken ct)
    {
        const string NotFound = "No record has that id.";
        var (record, _) = await RecordLookup.LoadAllowedAsync(id, LedgerAction.ReadAccessTrail, Caller.FromOrNull(user), request, db, facts, policy, NotFound, ct);
        var (from, take) = Paging(cursor, after, limit);
        return TypedResults.Ok(await reader.PageForRecordAsync(record.Id, from, take, ct));
    }

    /// <summary>The cursor after an entry: its sequence number, behind the same opaque encoding as every list's.</summary>
    internal static string CursorAfter(long sequence) => PageRequest.CursorAfter(sequence.ToString(CultureInfo.InvariantCulture));

    // The common cursor and limit, or the older after: read as text and parsed here, not bound as numbers, since a
    // binding failure would be a bare 400 that names neither the parameter nor what it should look like.
    private static (long After, int Limit) Paging(string? cursor, string? after, string? limit)
    {
        var request = PageRequest.Parse(cursor, limit);
        var (name, text) = request.After is { } key ? ("cursor", key) : ("after", after);
        var from = 0L;
        if (!string.IsNullOrEmpty(text) && !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out from))
        {
            throw LedgerProblem.InvalidQuery(name, name == "after"
                ? "must be a whole number, 0 or more: the sequence number of the last entry already seen (the previous page's next)."
                : "is not a cursor this service gave out: pass the previous page's page.next unchanged, or omit it for the first page.");
        }
        return (from, request.Limit);
    }
}
