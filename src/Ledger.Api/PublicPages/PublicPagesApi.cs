using Ledger.Api.Anchoring;
using Ledger.Api.Chain;
using Ledger.Api.Hosting;
using Ledger.Api.Problems;
using Ledger.Api.Settings;
using Ledger.Core.Encoding;
using Microsoft.Extensions.Options;

namespace Ledger.Api.PublicPages;

/// <summary>
/// The pages anyone can open without an account: the verify page (<c>/verify</c>, <c>/v/{recordHash}</c>, the target
/// of QR codes), a record's printable receipt and its QR codes, and the assets they load.
/// </summary>
internal static class PublicPagesApi
{
    public static IServiceCollection AddLedgerPublicPages(this IServiceCollection services)
    {
        services.AddOptions<PublicOptions>().BindSettings(PublicOptions.Section);
        services.AddSingleton<PublicChain>();
        return services;
    }

    public static RouteGroupBuilder MapPublicPages(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/verify/assets/{**path}", PageAssets.Serve).AllowAnonymous().ExcludeFromDescription();
        // Every browser asks for /favicon.ico on its own. The pages have no icon: "nothing", kept for a day, rather
        // than a 404 in the browser's console (which the page tests count as errors).
        routes.MapGet("/favicon.ico", (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=86400";
            return Results.NoContent();
        }).AllowAnonymous().ExcludeFromDescription();

        var pages = routes.MapGroup("")
            .WithTags("Public pages")
            .AllowAnonymous()
            .RequirePublicRateLimit();
        pages.MapGet("/verify", VerifyForm).ExcludeFromDescription();
        pages.MapGet("/v/{recordHash}", RecordPage).ExcludeFromDescription();
        pages.MapGet("/v/{recordHash}/receipt", Receipt).ExcludeFromDescription();
        pages.MapGet("/v/{recordHash}/qr.svg", QrSvg)
            .WithName("RecordQrSvg")
            .WithSummary("QR code (SVG) of the record's public verify page, encoding its absolute URL")
            .Produces(StatusCodes.Status200OK, contentType: "image/svg+xml")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        pages.MapGet("/v/{recordHash}/qr.png", QrPng)
            .WithName("RecordQrPng")
            .WithSummary("QR code (PNG) of the record's public verify page, encoding its absolute URL")
            .Produces(StatusCodes.Status200OK, contentType: "image/png")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return pages;
    }

    // /verify?hash=… (the form without a script) goes to the record's own page, the address a QR code holds.
    private static IResult VerifyForm(HttpContext context, string? hash, PublicChain chain, IOptions<ChainOptions> chainOptions, IOptions<AnchoringOptions> anchoring)
    {
        var language = PageLanguage.Of(context.Request);
        if (!string.IsNullOrWhiteSpace(hash))
        {
            return TypedResults.Redirect($"/v/{Uri.EscapeDataString(hash.Trim())}?lang={language}");
        }
        return Html(context, language, VerifyPage.Render(Context(context, language, null, chain, chainOptions, anchoring)));
    }

    // A malformed hash still gets the page, with what was typed in the box and status 400; its script says what a hash looks like.
    private static IResult RecordPage(HttpContext context, string recordHash, PublicChain chain, IOptions<ChainOptions> chainOptions, IOptions<AnchoringOptions> anchoring)
    {
        var language = PageLanguage.Of(context.Request);
        var hash = Hex.IsFixed(recordHash, 32) ? recordHash.ToLowerInvariant() : null;
        var page = Context(context, language, hash, chain, chainOptions, anchoring) with { Typed = recordHash };
        return Html(context, language, VerifyPage.Render(page), hash is null ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    private static IResult Receipt(HttpContext context, string recordHash, PublicChain chain, IOptions<ChainOptions> chainOptions, IOptions<AnchoringOptions> anchoring)
    {
        var language = PageLanguage.Of(context.Request);
        var page = Context(context, language, HashOf(recordHash), chain, chainOptions, anchoring);
        return Html(context, language, VerifyPage.RenderReceipt(page));
    }

    private static IResult QrSvg(HttpContext context, string recordHash, IOptions<PublicOptions> options) =>
        TypedResults.Text(RecordQrCode.Svg(PageUrl(context.Request, options.Value, HashOf(recordHash))), "image/svg+xml; charset=utf-8");

    private static IResult QrPng(HttpContext context, string recordHash, IOptions<PublicOptions> options) =>
        TypedResults.Bytes(RecordQrCode.Png(PageUrl(context.Request, options.Value, HashOf(recordHash))), "image/png");

    private static string HashOf(string recordHash) => Hex.IsFixed(recordHash, 32)
        ? recordHash.ToLowerInvariant()
        : throw new LedgerProblem(StatusCodes.Status400BadRequest, "Malformed record hash", "A record hash is 0x followed by 64 hexadecimal digits.");

    /// <summary>The record page's absolute address: <c>Public:BaseUrl</c>, or the address this request came in on.</summary>
    private static string PageUrl(HttpRequest request, PublicOptions options, string hash) =>
        $"{options.NormalizedBaseUrl ?? $"{request.Scheme}://{request.Host}"}/v/{hash}";

    private static PageContext Context(HttpContext context, string language, string? hash, PublicChain chain,
        IOptions<ChainOptions> chainOptions, IOptions<AnchoringOptions> anchoring) =>
        new(language, hash,
            hash is null ? null : PageUrl(context.Request, context.RequestServices.GetRequiredService<IOptions<PublicOptions>>().Value, hash),
            chain.Current(), PendingSeconds(chainOptions.Value, anchoring.Value));

    // "Within about n seconds": the batch interval, a poll, and the confirmations (the embedded chain mines a block per
    // transaction; elsewhere about one block each 12 s).
    private static int PendingSeconds(ChainOptions chain, AnchoringOptions anchoring) =>
        (int)Math.Ceiling((anchoring.BatchInterval + anchoring.PollInterval).TotalSeconds) + chain.Confirmations * (chain.IsEmbedded ? 1 : 12) + 2;

    private static IResult Html(HttpContext context, string language, string html, int status = StatusCodes.Status200OK)
    {
        PageLanguage.Describe(context.Response, language);
        return TypedResults.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
