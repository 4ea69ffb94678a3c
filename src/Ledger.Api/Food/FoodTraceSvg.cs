using System.Globalization;
using System.Text;
using Ledger.Core.Epcis;

namespace Ledger.Api.Food;

/// <summary>
/// Draws a trace as inline SVG, written on the server: identifiers (lots, logistic units) and places are boxes in
/// layers by their distance from the root, with material flowing left to right (a backward trace has the root on the
/// right); each event is one link to its verify page holding its arrows — a transformation from inputs to outputs, an
/// aggregation from contents to container, any other event from what it names to its place — and a numbered badge, the
/// number of its row in the table below. A failed lot says so in words, not only in red.
/// </summary>
internal static class FoodTraceSvg
{
    /// <summary>The most events drawn; the table lists every one.</summary>
    public const int MaxEvents = 200;

    private const int NodeWidth = 200, NodeHeight = 50, ColumnStep = 270, RowStep = 68, Margin = 14;

    /// <summary>One numbered event of the drawing.</summary>
    public sealed record DrawnEvent(int Number, TracedEvent Event);

    public static string Draw(IReadOnlyList<DrawnEvent> events, string root, IReadOnlyDictionary<string, int> depths, IReadOnlySet<string> flagged,
        bool forward, string language, FoodTraceText t)
    {
        var maxDepth = depths.Count == 0 ? 0 : depths.Values.Max();
        var layer = new Dictionary<string, int>(StringComparer.Ordinal) { [root] = Flow(0) };
        int Flow(int depth) => 2 * (forward ? depth : maxDepth - depth);
        var edges = new List<(DrawnEvent Event, string From, string To)>();
        foreach (var drawn in events)
        {
            var e = drawn.Event;
            var named = e.Inputs.Concat(e.Outputs).Where(depths.ContainsKey).Distinct(StringComparer.Ordinal).ToList();
            foreach (var id in named)
            {
                layer[id] = Flow(depths[id]);
            }
            var links = e.EventType switch
            {
                "TransformationEvent" => e.Inputs.Where(depths.ContainsKey).SelectMany(i => e.Outputs.Where(depths.ContainsKey).Select(o => (i, o))).ToList(),
                "AggregationEvent" when Parent(e) is { } parent && depths.ContainsKey(parent) =>
                    named.Where(c => c != parent).Select(c => (c, parent)).ToList(),
                _ => [],
            };
            edges.AddRange(links.Select(l => (drawn, l.Item1, l.Item2)));
            if (e.BizLocation is { } place && named.Count > 0)
            {
                var at = links.Count > 0 ? links.Select(l => l.Item2).Distinct(StringComparer.Ordinal).ToList() : named;
                edges.AddRange(at.Select(id => (drawn, id, Place(place))));
            }
        }
        foreach (var (_, from, to) in edges.Where(e => e.To.StartsWith("place:", StringComparison.Ordinal)))
        {
            layer[to] = Math.Min(layer.GetValueOrDefault(to, int.MaxValue), layer[from] + 1);
        }
        return Svg(events, edges, layer, root, flagged, language, t);
    }

    private static string Svg(IReadOnlyList<DrawnEvent> events, List<(DrawnEvent Event, string From, string To)> edges, Dictionary<string, int> layer,
        string root, IReadOnlySet<string> flagged, string language, FoodTraceText t)
    {
        var columns = layer.Values.Distinct().Order().Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i);
        var position = new Dictionary<string, (int X, int Y)>(StringComparer.Ordinal);
        var rows = 0;
        foreach (var column in layer.GroupBy(n => columns[n.Value]))
        {
            var ordered = column.Select(n => n.Key).OrderBy(n => n != root).ThenBy(n => !flagged.Contains(n)).ThenBy(n => n, StringComparer.Ordinal).ToList();
            for (var row = 0; row < ordered.Count; row++)
            {
                position[ordered[row]] = (Margin + column.Key * ColumnStep, Margin + row * RowStep);
            }
            rows = Math.Max(rows, ordered.Count);
        }
        var width = 2 * Margin + (columns.Count - 1) * ColumnStep + NodeWidth;
        var height = 2 * Margin + (rows - 1) * RowStep + NodeHeight;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg id="trace-graph" xmlns="http://www.w3.org/2000/svg" role="group" aria-labelledby="graph-title" width="{width}" height="{height}" viewBox="0 0 {width} {height}">""");
        svg.Append(CultureInfo.InvariantCulture, $"""<title id="graph-title">{E(t.GraphLabel)}</title><defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" class="head"/></marker></defs>""");
        foreach (var (id, (x, y)) in position)
        {
            Node(svg, id, x, y, id == root, flagged.Contains(id), t);
        }
        foreach (var group in edges.GroupBy(e => e.Event.Number))
        {
            var drawn = group.First().Event;
            var e = drawn.Event;
            var label = $"{drawn.Number}. {t.Word(e.EventType)} {t.Word(e.BizStep)} {e.EventTime.UtcDateTime:yyyy-MM-dd HH:mm} — {t.VerifyEvent}";
            svg.Append(CultureInfo.InvariantCulture, $"""<a class="event" href="/v/{e.RecordHash}?lang={language}" aria-label="{E(label)}"><title>{E(label)}</title>""");
            (int X, int Y)? badge = null;
            foreach (var (_, from, to) in group)
            {
                var (path, middle) = Curve(position[from], position[to]);
                svg.Append(CultureInfo.InvariantCulture, $"""<path class="edge" d="{path}" marker-end="url(#arrow)"/>""");
                badge ??= middle;
            }
            svg.Append(CultureInfo.InvariantCulture, $"""<circle class="badge" cx="{badge!.Value.X}" cy="{badge.Value.Y}" r="12"/><text class="badge" x="{badge.Value.X}" y="{badge.Value.Y + 5}" text-anchor="middle">{drawn.Number}</text></a>""");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void Node(StringBuilder svg, string id, int x, int y, bool isRoot, bool isFlagged, FoodTraceText t)
    {
        var place = id.StartsWith("place:", StringComparison.Ordinal);
        var (first, second) = place ? (t.Place, Short(id[6..])) : Describe(id, t);
        if (isFlagged)
        {
            second = $"⚠ {t.FailedWord} · {second}";
        }
        var kind = place ? "place" : isFlagged ? "lot flagged" : "lot";
        svg.Append(CultureInfo.InvariantCulture, $"""<g class="node {kind}{(isRoot ? " root" : "")}"><title>{E(place ? id[6..] : id)}</title>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{x}" y="{y}" width="{NodeWidth}" height="{NodeHeight}" rx="{(place ? 14 : 2)}"/>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{x + 8}" y="{y + 20}" class="name">{E(Clip((isRoot ? t.Traced + " · " : "") + first, 24))}</text>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{x + 8}" y="{y + 40}" class="detail">{E(Clip(second, 30))}</text></g>""");
    }

    /// <summary>An identifier in words: a lot and its product, a logistic unit, or the identifier itself.</summary>
    public static (string Name, string Detail) Describe(string id, FoodTraceText t) => Gs1Identifier.TryParse(id) switch
    {
        { Lot: { } lot } g => ($"{t.Lot} {lot}", $"GTIN {g.Gtin}"),
        { PrimaryKey: "00" } g => (t.Pallet, $"SSCC {Short(g.Canonical)}"),
        { Gtin: { } gtin } g => (t.Product, $"GTIN {gtin}{(g.Canonical.Contains("/21/", StringComparison.Ordinal) ? " · " + Short(g.Canonical) : "")}"),
        _ => (t.Product, Short(id)),
    };

    /// <summary>The node key of a place.</summary>
    public static string Place(string location) => "place:" + location;

    private static string? Parent(TracedEvent e) => e.Outputs.FirstOrDefault(o => !e.Inputs.Contains(o) && IsContainer(o)) ?? e.Outputs.FirstOrDefault();

    private static bool IsContainer(string id) => Gs1Identifier.TryParse(id) is { PrimaryKey: "00" or "8003" or "8004" };

    // A cubic curve between two boxes, leaving the right side of the earlier one; its middle carries the badge.
    private static (string Path, (int X, int Y) Middle) Curve((int X, int Y) from, (int X, int Y) to)
    {
        var (x1, y1) = from.X <= to.X ? (from.X + NodeWidth, from.Y + NodeHeight / 2) : (from.X, from.Y + NodeHeight / 2);
        var (x2, y2) = from.X < to.X ? (to.X, to.Y + NodeHeight / 2) : from.X == to.X ? (to.X + NodeWidth, to.Y + NodeHeight / 2) : (to.X + NodeWidth, to.Y + NodeHeight / 2);
        var bend = from.X == to.X ? 50 : Math.Abs(x2 - x1) / 2;
        var (c1, c2) = from.X <= to.X && from.X != to.X ? (x1 + bend, x2 - bend) : from.X == to.X ? (x1 + bend, x2 + bend) : (x1 - bend, x2 + bend);
        return (FormattableString.Invariant($"M{x1} {y1}C{c1} {y1} {c2} {y2} {x2} {y2}"), ((x1 + x2) / 2 + (from.X == to.X ? bend * 3 / 4 : 0), (y1 + y2) / 2));
    }

    private static string Short(string id) => id.StartsWith("https://id.gs1.org/", StringComparison.Ordinal) ? id[18..] : id;

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string E(string text) => FoodPages.E(text);
}
