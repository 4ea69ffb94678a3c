using System.Globalization;
using System.Text;
using Ledger.Api.Access;
using Ledger.Api.Epcis;
using Ledger.Api.PublicPages;
using Ledger.Core.Epcis;
using Ledger.Core.Records.Types.FoodSafety.EpcisEvent;
using Ledger.Data;

namespace Ledger.Api.Food;

/// <summary>
/// <c>/food/trace?epc=…[&amp;direction=backward|forward][&amp;lang=en]</c>: a lot's trace drawn for a person, written
/// on the server (inline SVG, no script) under the public pages' policy. Staff whose role reads food-safety events
/// (API key or bearer token, as for the trace API) see the graph and a table of the events they may read, each linked
/// to its verify page; anyone else sees the lot's published rapid tests, since supply-chain events are L2. A malformed
/// identifier is a 400 page, one the ledger does not hold a 404 page.
/// </summary>
internal static class FoodTracePage
{
    public static void MapFoodTracePage(this RouteGroupBuilder pages)
    {
        pages.MapGet("/trace", TraceAsync).ExcludeFromDescription();
        pages.MapGet("/assets/food.css", (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=3600";
            return TypedResults.Text(Stylesheet, "text/css; charset=utf-8");
        }).ExcludeFromDescription();
    }

    private static async Task<IResult> TraceAsync(HttpContext context, LedgerDbContext db, IAccessPolicy policy, IRecordFactsReader facts, CancellationToken ct)
    {
        var language = PageLanguage.Of(context.Request);
        var t = FoodTraceText.For(language);
        var words = FoodPageText.For(language);
        var epc = context.Request.Query["epc"].ToString().Trim();
        var direction = context.Request.Query["direction"].ToString() is { Length: > 0 } d ? d : "backward";
        if (!WellFormed(epc) || direction is not ("backward" or "forward"))
        {
            return Answer(context, language, t.BadRequestTitle, $"<h1>{E(t.BadRequestTitle)}</h1><p>{E(t.BadRequest)}</p>", words, "", StatusCodes.Status400BadRequest);
        }
        var query = $"epc={Uri.EscapeDataString(epc)}&amp;direction={direction}&amp;";
        var canonical = FoodTrace.Canonical(epc);
        var caller = Caller.FromOrNull(context.User);
        var staff = caller is not null && policy.Decide(caller, LedgerAction.ReadRecord, IRecordFactsReader.ForSubmission(FoodSafetyEpcisEvent.Definition, caller), null).IsAllowed;
        var trace = new FoodTrace(db);
        var root = staff ? await trace.FindAsync(epc, ct) : null;
        if (root is null)
        {
            var tests = await FoodFlags.TestsOfLotAsync(db, epc, canonical, ct);
            if (tests.Count == 0)
            {
                return Answer(context, language, t.NotFoundTitle, $"<h1>{E(t.NotFoundTitle)}</h1><p>{E(t.NotFound)}</p><p class=\"code\">{E(epc)}</p>", words, query, StatusCodes.Status404NotFound);
            }
            return Answer(context, language, t.Title, await PublicBodyAsync(db, canonical, tests, language, t, words, ct), words, query);
        }
        var way = direction == "forward" ? TraceDirection.Forward : TraceDirection.Backward;
        var graph = await trace.WalkAsync(root, way, FoodTraceApi.DefaultDepth, ct);
        var (shown, withheld) = await FoodTraceApi.ReadableAsync(graph.Events, caller!, policy, facts, ct);
        var drawnIds = shown.SelectMany(e => e.Inputs.Concat(e.Outputs)).Append(root).Where(graph.Depths.ContainsKey).ToHashSet(StringComparer.Ordinal);
        var failed = await FoodFlags.FailedTestsAsync(db, drawnIds, ct);
        var body = new StringBuilder();
        Heading(body, root, direction, language, t);
        Flags(body, failed, language, t);
        Graph(body, shown, root, graph, drawnIds, failed, way == TraceDirection.Forward, language, t);
        if (withheld > 0)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p class=\"note\" id=\"withheld\">{E(string.Format(CultureInfo.InvariantCulture, t.Withheld, withheld))}</p>\n");
        }
        Table(body, shown, await EpcisLocationNames.FindAsync(db, shown.Select(e => e.BizLocation).OfType<string>(), ct), language, t, words);
        return Answer(context, language, t.Title, body.ToString(), words, query);
    }

    // One identifier: printable, no spaces or controls, at most 512 characters, a GS1 key or at least an absolute URI.
    private static bool WellFormed(string epc) =>
        epc.Length is >= 1 and <= 512 && !epc.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))
        && (Gs1Identifier.TryParse(epc) is not null || Uri.TryCreate(epc, UriKind.Absolute, out _));

    private static void Heading(StringBuilder body, string root, string direction, string language, FoodTraceText t)
    {
        var (name, detail) = FoodTraceSvg.Describe(root, t);
        body.Append(CultureInfo.InvariantCulture, $"<h1>{E(t.Title)}</h1>\n<p id=\"root\"><strong>{E(name)}</strong> · {E(detail)}<br><span class=\"code\">{E(root)}</span></p>\n");
        body.Append("<nav class=\"directions\" aria-label=\"direction\">");
        foreach (var (way, label) in new[] { ("backward", t.Backward), ("forward", t.Forward) })
        {
            var current = way == direction ? " aria-current=\"page\"" : "";
            body.Append(CultureInfo.InvariantCulture, $"<a href=\"/food/trace?epc={Uri.EscapeDataString(root)}&amp;direction={way}&amp;lang={language}\"{current}>{E(label)}</a> ");
        }
        body.Append("</nav>\n");
    }

    private static void Flags(StringBuilder body, IReadOnlyList<FailedTest> failed, string language, FoodTraceText t)
    {
        if (failed.Count == 0)
        {
            return;
        }
        body.Append(CultureInfo.InvariantCulture, $"<section id=\"flags\" class=\"verdict bad\"><h2>⚠ {E(t.Failed)}</h2><ul>");
        foreach (var f in failed)
        {
            var (name, _) = FoodTraceSvg.Describe(f.Lot, t);
            body.Append(CultureInfo.InvariantCulture, $"<li><strong>{E(t.FailedWord)}</strong>: {E(name)} · {E(f.Product)} · {E(f.TestItem)}{(f.Disposal.Length > 0 ? " · " + E(FoodPageText.For(language).Word(f.Disposal)) : "")} · {E(f.OccurredAt[..10])} · <a href=\"/food/certificates/{f.RecordHash}?lang={language}\">{E(t.Certificate)}</a></li>");
        }
        body.Append("</ul></section>\n");
    }

    private static void Graph(StringBuilder body, List<TracedEvent> shown, string root, TraceGraph graph, HashSet<string> drawnIds,
        IReadOnlyList<FailedTest> failed, bool forward, string language, FoodTraceText t)
    {
        if (shown.Count == 0)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p id=\"no-events\">{E(t.NoEvents)}</p>\n");
            return;
        }
        var drawn = shown.Take(FoodTraceSvg.MaxEvents).Select((e, i) => new FoodTraceSvg.DrawnEvent(i + 1, e)).ToList();
        var depths = graph.Depths.Where(d => drawnIds.Contains(d.Key)).ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal);
        var flagged = failed.Select(f => f.Lot).ToHashSet(StringComparer.Ordinal);
        body.Append(CultureInfo.InvariantCulture, $"<figure class=\"graph\"><div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"{E(t.GraphLabel)}\">");
        body.Append(FoodTraceSvg.Draw(drawn, root, depths, flagged, forward, language, t));
        body.Append(CultureInfo.InvariantCulture, $"</div><figcaption>{E(t.Caption)}</figcaption></figure>\n");
        if (shown.Count > FoodTraceSvg.MaxEvents)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">{E(string.Format(CultureInfo.InvariantCulture, t.Truncated, FoodTraceSvg.MaxEvents))}</p>\n");
        }
        if (graph.DepthLimited)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p class=\"note\" id=\"depth-limited\">{E(t.DepthLimited)}</p>\n");
        }
    }

    private static void Table(StringBuilder body, List<TracedEvent> shown, IReadOnlyDictionary<(string Place, string Organisation), string> placeNames,
        string language, FoodTraceText t, FoodPageText words)
    {
        if (shown.Count == 0)
        {
            return;
        }
        body.Append(CultureInfo.InvariantCulture, $"<h2 id=\"events-title\">{E(t.Events)}</h2><div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"events-title\"><table id=\"events\"><caption class=\"visually-hidden\">{E(t.TableLabel)}</caption><thead><tr>");
        foreach (var column in new[] { t.Number, t.Time, t.Event, t.Place, t.Inputs, t.Outputs, words.Status, words.Verify })
        {
            body.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\">{E(column)}</th>");
        }
        body.Append("</tr></thead><tbody>");
        var number = 0;
        foreach (var e in shown)
        {
            number++;
            body.Append(CultureInfo.InvariantCulture, $"<tr><td>{number}</td><td>{e.EventTime.UtcDateTime:yyyy-MM-dd HH:mm}</td><td>{E(t.Word(e.EventType))}{(e.BizStep is null ? "" : " · " + E(t.Word(e.BizStep)))}</td>");
            var place = E(Names(e.BizLocation is null ? [] : [e.BizLocation]));
            body.Append(EpcisLocationNames.Of(placeNames, e) is { } placeName
                ? $"<td><span class=\"place-name\">{E(placeName)}</span><br><span class=\"code\">{place}</span></td>"
                : $"<td class=\"code\">{place}</td>");
            body.Append(CultureInfo.InvariantCulture, $"<td class=\"code\">{E(Names(e.Inputs))}</td><td class=\"code\">{E(Names(e.Outputs))}</td>");
            body.Append(CultureInfo.InvariantCulture, $"<td>{E(words.Word(e.Status))}</td><td><a href=\"/v/{e.RecordHash}?lang={language}\">{E(t.VerifyEvent)} {number}</a></td></tr>");
        }
        body.Append("</tbody></table></div>\n");
    }

    private static async Task<string> PublicBodyAsync(LedgerDbContext db, string canonical, List<Data.Records.StoredRecord> tests, string language,
        FoodTraceText t, FoodPageText words, CancellationToken ct)
    {
        var body = new StringBuilder();
        var (name, detail) = FoodTraceSvg.Describe(canonical, t);
        body.Append(CultureInfo.InvariantCulture, $"<h1>{E(t.Title)}</h1>\n<p id=\"root\"><strong>{E(name)}</strong> · {E(detail)}</p>\n<p class=\"note\" id=\"public-note\">{E(t.PublicNote)}</p>\n");
        body.Append(CultureInfo.InvariantCulture, $"<h2>{E(t.PublicTests)}</h2><div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"{E(t.PublicTests)}\"><table id=\"tests\"><thead><tr><th scope=\"col\">{E(words.Date)}</th><th scope=\"col\">{E(words.Product)}</th><th scope=\"col\">{E(words.TestItem)}</th><th scope=\"col\">{E(words.Result)}</th><th scope=\"col\">{E(words.Status)}</th><th scope=\"col\">{E(words.Verify)}</th></tr></thead><tbody>");
        foreach (var record in tests)
        {
            var p = FoodFlags.Payload(record);
            var standing = await Verification.RecordStanding.OfAsync(record, db, ct);
            var result = FoodPages.Text(p["result"]);
            body.Append(CultureInfo.InvariantCulture, $"<tr class=\"{E(result)}\"><td>{E(record.OccurredAt[..10])}</td><td>{E(FoodPages.Text(p["product"]))}</td><td>{E(record.Type == "inspection" ? FoodFlags.ItemNames(p) : FoodPages.Text(p["testItem"]))}</td><td>{E(words.Word(result))}</td><td>{E(words.Word(standing.Status))}</td><td><a href=\"/food/certificates/{record.RecordHash}?lang={language}\">{E(words.Verify)}</a></td></tr>");
        }
        body.Append("</tbody></table></div>\n");
        return body.ToString();
    }

    private static string Names(IEnumerable<string> ids) => string.Join("; ", ids.Select(i => i.StartsWith("https://id.gs1.org/", StringComparison.Ordinal) ? i[18..] : i));

    private static IResult Answer(HttpContext context, string language, string title, string body, FoodPageText words, string query, int status = StatusCodes.Status200OK) =>
        FoodPages.Html(context, language, FoodPages.Page(language, title, body, words, query, "/food/assets/food.css"), status);

    private static string E(string text) => FoodPages.E(text);

    /// <summary>The trace page's own rules, on top of the verify pages' stylesheet.</summary>
    public const string Stylesheet = """
        /* The drawing and the tables scroll inside their own boxes, so the page never scrolls sideways on a phone. */
        .scroll { overflow-x: auto; max-width: 100%; border: 1px solid #bbb; border-radius: 4px; margin: .5rem 0; }
        .scroll:focus { outline: 3px solid #0b3d91; outline-offset: 2px; }
        figure.graph { margin: 1rem 0; } figure.graph svg { display: block; max-width: none; }
        figcaption, .note { font-size: .9rem; color: #333; }
        .directions a { display: inline-block; margin: .25rem 1rem .25rem 0; }
        .directions a[aria-current] { font-weight: 700; text-decoration: none; border-bottom: 3px solid #0b3d91; }
        #root .code { font-size: .8rem; }
        .scroll table { min-width: 40rem; border: 0; }
        td.code, td .code { font-size: .8rem; }
        .place-name { font-weight: 600; }
        tr.unqualified td { color: #a3120f; font-weight: 700; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        svg .node rect { fill: #fff; stroke: #111; stroke-width: 1.5; }
        svg .node.root rect { stroke-width: 3.5; }
        svg .node.place rect { fill: #eef3fb; stroke: #0b3d91; }
        svg .node.flagged rect { fill: #fbe9e8; stroke: #a3120f; stroke-width: 3; stroke-dasharray: 8 3; }
        svg .node.flagged .detail { fill: #a3120f; font-weight: 700; }
        svg text { font: 14px system-ui, "PingFang SC", "Noto Sans CJK SC", sans-serif; fill: #111; }
        svg text.name { font-weight: 700; } svg text.detail { font-size: 12px; }
        svg .edge { fill: none; stroke: #555; stroke-width: 1.6; }
        svg .head { fill: #555; }
        svg circle.badge { fill: #0b3d91; } svg text.badge { fill: #fff; font-size: 12px; font-weight: 700; }
        svg a.event:hover .edge, svg a.event:focus .edge { stroke: #0b3d91; stroke-width: 3; }
        svg a.event:focus { outline: 3px solid #0b3d91; }
        """;
}
