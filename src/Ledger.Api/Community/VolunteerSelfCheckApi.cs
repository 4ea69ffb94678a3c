using Ledger.Api.Hosting;
using Ledger.Api.Problems;
using Ledger.Api.Records;
using Ledger.Core.Records.Schemas.Formats;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ledger.Api.Community;

/// <summary>
/// A volunteer checks their own time-bank account with reference and check secret: as JSON, and as a form on the
/// community's public page. No account, rate-limited like every public endpoint, never cached, and POST only, so the
/// secret stays out of URLs, histories and access logs.
/// </summary>
internal static class VolunteerSelfCheckApi
{
    private const int MaxSecretLength = 64;
    private static readonly JsonBodyLimits BodyLimits = new("self-check request", MaxBytes: 1024, MaxDepth: 4);
    private static readonly HashSet<string> Fields = ["volunteerRef", "secret"];

    public static IEndpointRouteBuilder MapVolunteerSelfCheck(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/community/{communityId}/timebank/self-check", CheckAsync)
            .WithTags("Community").AllowAnonymous().RequirePublicRateLimit()
            .WithName("CheckOwnTimebankAccount")
            .WithSummary("A volunteer checks their own time-bank account with their reference and check secret (no account)")
            .WithDescription("Body {\"volunteerRef\", \"secret\"}: the secret printed on the volunteer's statement or card. Answers the balance, confirmed " +
                "and pending hours and every entry with its record hash. A wrong secret, an unknown reference and an unknown community all get the " +
                "same 404, so nobody can learn which references exist; the secret is compared in constant time and the endpoint is rate-limited per address.")
            .Accepts<VolunteerSelfCheckRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        routes.MapPost("/community/{communityId}/self-check", PageAsync)
            .AllowAnonymous().RequirePublicRateLimit().ExcludeFromDescription();
        return routes;
    }

    private static async Task<Ok<TimebankAccountView>> CheckAsync(
        string communityId, HttpRequest request, HttpResponse response, VolunteerSelfCheck check, CancellationToken ct)
    {
        response.Headers.CacheControl = "no-store";
        var body = (await JsonBodyReader.ReadObjectAsync(request, BodyLimits, ct)).Object;
        var errors = new Dictionary<string, string[]>();
        foreach (var (name, _) in body.Where(p => !Fields.Contains(p.Key)))
        {
            errors[name] = ["Unknown field; the body has volunteerRef and secret."];
        }
        var volunteerRef = RequestFields.Text(body, "volunteerRef", 64, required: true, errors);
        var secret = RequestFields.Text(body, "secret", MaxSecretLength, required: true, errors);
        if (volunteerRef is not null && PseudonymousRef.Problem(volunteerRef) is { } problem)
        {
            errors["volunteerRef"] = [$"The volunteer reference {problem}."];
        }
        if (errors.Count > 0)
        {
            throw LedgerProblem.Invalid("The self-check request is invalid", errors);
        }
        return TypedResults.Ok(await check.CheckAsync(communityId, volunteerRef!, secret!, ct) ?? throw LedgerProblem.NotFound(VolunteerSelfCheck.NoMatch));
    }

    private static async Task<IResult> PageAsync(string communityId, HttpContext context, VolunteerSelfCheck check, CancellationToken ct)
    {
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.ContentLanguage = "zh-CN, en";
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(ct) : null;
        var volunteerRef = form?["volunteerRef"].ToString().Trim() ?? "";
        var secret = form?["secret"].ToString() ?? "";
        var wellFormed = volunteerRef.Length is > 0 and <= 64 && PseudonymousRef.Problem(volunteerRef) is null && secret.Length is > 0 and <= MaxSecretLength;
        var view = wellFormed ? await check.CheckAsync(communityId, volunteerRef, secret, ct) : null;
        return TypedResults.Content(VolunteerSelfCheckPage.Render(communityId, view), "text/html; charset=utf-8",
            statusCode: view is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK);
    }
}
