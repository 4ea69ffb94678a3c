using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Ledger.Api.Hosting;
using Ledger.Api.PublicPages;
using Ledger.Api.Verification;
using Ledger.Core.Encoding;
using Ledger.Data;
using Ledger.Data.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ledger.Api.Food;

/// <summary>
/// The food-safety pages anyone can open: a printable certificate of one published inspection or rapid test
/// (<c>/food/certificates/{recordHash}</c>) and a market stall's food-safety code (<c>/food/stalls/{stallId}</c>), both
/// written on the server, Chinese first, with QR codes to the public verify page. Only L1 records appear.
/// </summary>
internal static class FoodPages
{
    private const int StallTests = 20;
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static RouteGroupBuilder MapFoodPages(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapGroup("/food").WithTags("Public pages").AllowAnonymous().RequirePublicRateLimit();
        pages.MapGet("/certificates/{recordHash}", CertificateAsync).ExcludeFromDescription();
        pages.MapGet("/stalls/{stallId}", StallAsync).ExcludeFromDescription();
        pages.MapGet("/stalls/{stallId}/qr.svg", StallQr).ExcludeFromDescription();
        pages.MapFoodTracePage();
        return pages;
    }

    private static async Task<IResult> CertificateAsync(HttpContext context, string recordHash, LedgerDbContext db, CancellationToken ct)
    {
        var language = PageLanguage.Of(context.Request);
        var t = FoodPageText.For(language);
        var hash = Hex.IsFixed(recordHash, 32) ? recordHash.ToLowerInvariant() : null;
        var record = hash is null ? null : await db.Records.AsNoTracking()
            .SingleOrDefaultAsync(r => r.RecordHash == hash && r.Level == 1 && r.Domain == "food-safety" && (r.Type == "inspection" || r.Type == "rapid-test") && r.ErasedAtMs == null, ct);
        if (record is null)
        {
            return Html(context, language, Page(language, t.NotFoundTitle, $"<h1>{E(t.NotFoundTitle)}</h1><p>{E(t.NotFound)}</p>", t), StatusCodes.Status404NotFound);
        }
        var payload = JsonNode.Parse(record.EnvelopeJson)!["payload"]!.AsObject();
        var standing = await RecordStanding.OfAsync(record, db, ct);
        var agency = await db.Organisations.AsNoTracking().Where(o => o.Id == record.Issuer).Select(o => o.Name).SingleOrDefaultAsync(ct) ?? record.Issuer;
        var rows = new List<(string, string)>();
        if (record.Type == "inspection")
        {
            rows.Add((t.Enterprise, Text(payload["enterprise"]?["name"])));
        }
        else
        {
            rows.Add((t.Market, Text(payload["market"]?["name"])));
            rows.Add((t.Stall, $"{Text(payload["stall"]?["name"])} ({Text(payload["stall"]?["id"])})"));
        }
        rows.Add((t.Product, Text(payload["product"])));
        rows.Add((t.Lot, Text(payload["lot"])));
        rows.Add((t.Result, t.Word(Text(payload["result"]))));
        if (record.Type == "rapid-test")
        {
            rows.Add((t.TestItem, Text(payload["testItem"])));
            rows.Add((t.Method, Text(payload["method"])));
            rows.Add((t.Reading, $"{Text(payload["reading"])} {Text(payload["unit"])}".Trim()));
            rows.Add((t.Limit, Text(payload["limit"])));
            if (payload["disposal"] is { } disposal)
            {
                rows.Add((t.Disposal, t.Word(Text(disposal))));
            }
            rows.Add((t.Tester, Text(payload["tester"])));
        }
        rows.Add((t.Agency, agency));
        rows.Add((t.Date, record.OccurredAt));
        rows.Add((t.Status, t.Word(standing.Status)));
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<h1>{E(t.CertificateTitle)}</h1>\n<dl id=\"certificate\">");
        foreach (var (name, value) in rows)
        {
            body.Append(CultureInfo.InvariantCulture, $"<dt>{E(name)}</dt><dd>{E(value)}</dd>");
        }
        body.Append("</dl>\n");
        if (payload["lotEpc"] is { } lotEpc)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p><a id=\"trace-link\" href=\"{TraceHref(Text(lotEpc), language)}\">{E(t.TraceLot)}</a></p>\n");
        }
        if (payload["items"] is JsonArray items)
        {
            body.Append(CultureInfo.InvariantCulture, $"<h2>{E(t.Items)}</h2><table id=\"items\"><tbody>");
            foreach (var item in items.OfType<JsonObject>())
            {
                body.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(Text(item["name"]))}</td><td>{E(Text(item["value"]))}</td><td>{E(t.Word(Text(item["result"])))}</td></tr>");
            }
            body.Append("</tbody></table>\n");
        }
        body.Append(CultureInfo.InvariantCulture, $"""
            <figure class="qr"><img src="/v/{hash}/qr.svg" width="180" height="180" alt="{E(t.QrCaption)}"><figcaption>{E(t.QrCaption)}</figcaption></figure>
            <p>{E(t.RecordHash)}: <span class="hash">{E(VerifyPage.InGroupsOfFour(hash!))}</span></p>
            <p><a id="verify-link" href="/v/{hash}?lang={language}">{E(t.Verify)}</a></p>
            """);
        return Html(context, language, Page(language, t.CertificateTitle, body.ToString(), t));
    }

    private static async Task<IResult> StallAsync(HttpContext context, string stallId, LedgerDbContext db, CancellationToken ct)
    {
        var language = PageLanguage.Of(context.Request);
        var t = FoodPageText.For(language);
        var tests = IsStallId(stallId) ? await StallTestsAsync(db, stallId, ct) : [];
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<h1>{E(t.StallTitle)}</h1>\n<p class=\"stall\">{E(t.Stall)}: {E(tests.Count > 0 ? Text(tests[0].Payload["stall"]?["name"]) : stallId)} ({E(stallId)})</p>\n");
        if (tests.Count == 0)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p id=\"no-tests\">{E(t.NoTests)}</p>\n");
        }
        else
        {
            body.Append(CultureInfo.InvariantCulture, $"<table id=\"tests\"><thead><tr><th>{E(t.Date)}</th><th>{E(t.Product)}</th><th>{E(t.Lot)}</th><th>{E(t.TestItem)}</th><th>{E(t.Result)}</th><th>{E(t.Status)}</th><th>{E(t.Verify)}</th></tr></thead><tbody>");
            foreach (var test in tests)
            {
                var standing = await RecordStanding.OfAsync(test.Record, db, ct);
                var p = test.Payload;
                body.Append(CultureInfo.InvariantCulture, $"""<tr class="{E(Text(p["result"]))}"><td>{E(test.Record.OccurredAt[..10])}</td><td>{E(Text(p["product"]))}</td><td>{LotCell(p, language)}</td><td>{E(Text(p["testItem"]))}</td><td>{E(t.Word(Text(p["result"])))}</td><td>{E(t.Word(standing.Status))}</td><td><a href="/food/certificates/{test.Record.RecordHash}?lang={language}">{E(t.Verify)}</a></td></tr>""");
            }
            body.Append("</tbody></table>\n");
        }
        body.Append(CultureInfo.InvariantCulture, $"""<figure class="qr"><img src="/food/stalls/{Uri.EscapeDataString(stallId)}/qr.svg" width="180" height="180" alt="{E(t.StallQrCaption)}"><figcaption>{E(t.StallQrCaption)}</figcaption></figure>""");
        return Html(context, language, Page(language, t.StallTitle, body.ToString(), t), IsStallId(stallId) ? StatusCodes.Status200OK : StatusCodes.Status404NotFound);
    }

    private static IResult StallQr(HttpContext context, string stallId, IOptions<PublicOptions> options) =>
        IsStallId(stallId)
            ? TypedResults.Text(RecordQrCode.Svg($"{options.Value.NormalizedBaseUrl ?? $"{context.Request.Scheme}://{context.Request.Host}"}/food/stalls/{stallId}"), "image/svg+xml; charset=utf-8")
            : TypedResults.NotFound();

    private static async Task<List<(StoredRecord Record, JsonObject Payload)>> StallTestsAsync(LedgerDbContext db, string stallId, CancellationToken ct) =>
        [.. (await FoodFlags.TestsOfStallAsync(db, stallId, StallTests, ct)).Select(r => (Record: r, Payload: FoodFlags.Payload(r)))];

    /// <summary>The trace page of a lot, backward (where it came from).</summary>
    internal static string TraceHref(string lotEpc, string language) => $"/food/trace?epc={Uri.EscapeDataString(lotEpc)}&amp;lang={language}";

    // A stall's lot links to its trace when the test names a GS1 lot.
    private static string LotCell(JsonObject payload, string language) =>
        payload["lotEpc"] is { } epc ? $"<a href=\"{TraceHref(Text(epc), language)}\">{E(Text(payload["lot"]))}</a>" : E(Text(payload["lot"]));

    private static bool IsStallId(string id) => id.Length is >= 1 and <= 32 && char.IsAsciiLetterOrDigit(id[0]) && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    /// <summary>A food page around <paramref name="body"/>; the language switch keeps <paramref name="query"/> (already URL-encoded, without <c>lang</c>).</summary>
    internal static string Page(string language, string title, string body, FoodPageText t, string query = "", string? stylesheet = null)
    {
        var other = PageLanguage.Other(language);
        var extra = stylesheet is null ? "" : $"\n<link rel=\"stylesheet\" href=\"{stylesheet}\">";
        return $"""
            <!doctype html>
            <html lang="{PageLanguage.Tag(language)}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <title>{E(title)} · Ledger</title>
            <link rel="stylesheet" href="/verify/assets/verify.css">{extra}
            </head>
            <body class="page food">
            <header><a class="lang" href="?{query}lang={other}" lang="{PageLanguage.Tag(other)}" hreflang="{PageLanguage.Tag(other)}">{E(t.Switch)}</a></header>
            <main id="food">
            {body}
            </main>
            <footer><p>{E(t.Footer)}</p></footer>
            </body>
            </html>
            """;
    }

    internal static IResult Html(HttpContext context, string language, string html, int status = StatusCodes.Status200OK)
    {
        PageLanguage.Describe(context.Response, language);
        return TypedResults.Content(html, "text/html; charset=utf-8", statusCode: status);
    }

    internal static string Text(JsonNode? node) => node?.GetValue<string>() ?? "";

    internal static string E(string text) => Encoder.Encode(text);
}
