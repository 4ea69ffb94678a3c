using Ledger.Api.Hosting;
using Ledger.Api.Paging;

namespace Ledger.Api.Community;

/// <summary>The community's public page, <c>/community/{communityId}</c>: no login, rate-limited like the verify page.</summary>
internal static class CommunityPageApi
{
    /// <summary>The page's Content-Security-Policy: no script at all, its one stylesheet from this service.</summary>
    public const string Policy = "default-src 'none'; style-src 'self'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    public static RouteGroupBuilder MapCommunityPage(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/community/assets/community.css", (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=3600";
            return TypedResults.Text(CommunityPage.Stylesheet, "text/css; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();

        var pages = routes.MapGroup("/community").WithTags("Public pages").AllowAnonymous().RequirePublicRateLimit();
        pages.MapGet("/{communityId}", PageAsync).ExcludeFromDescription();
        routes.MapVolunteerSelfCheck();
        return pages;
    }

    private static async Task<IResult> PageAsync(
        HttpContext context, string communityId, string? cursor, string? limit, CommunityBoard board, CancellationToken ct)
    {
        context.Response.Headers.ContentLanguage = "zh-CN, en";
        var view = await board.ReadAsync(communityId, PageRequest.Parse(cursor, limit), ct);
        return view is null
            ? TypedResults.Content("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>未找到 Not found</title></head><body><p>没有这个社区。No such community.</p></body></html>",
                "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Content(CommunityPage.Render(view, string.IsNullOrEmpty(limit) ? null : limit), "text/html; charset=utf-8");
    }
}
