using System.Text.Json;
using ScottPlot;

namespace Ledger.Bench.Charts;

/// <summary>The scale run's charts (scripts/bench --scale): ingest rate and look-up p99 against records stored.</summary>
internal static class ScaleCharts
{
    public static int Draw(string resultsPath, string folder)
    {
        using var results = JsonDocument.Parse(File.ReadAllBytes(resultsPath));
        var root = results.RootElement;
        Directory.CreateDirectory(folder);
        DrawIngest(root, Path.Combine(folder, "scale-ingest.png"));
        DrawLookups(root, Path.Combine(folder, "scale-verify.png"));
        Console.WriteLine($"charts: wrote scale-ingest.png and scale-verify.png to {folder}");
        return 0;
    }

    // Every tenth of every slice as a point, and each slice's mean rate as a line through their ends.
    private static void DrawIngest(JsonElement root, string path)
    {
        var slices = root.GetProperty("slices").EnumerateArray().ToList();
        var tenths = slices.SelectMany(s => s.GetProperty("tenths").EnumerateArray()).ToList();
        var plot = new Plot();
        var points = plot.Add.ScatterPoints(
            tenths.Select(t => t.GetProperty("storedAtEnd").GetDouble() / 1e6).ToArray(),
            tenths.Select(t => t.GetProperty("perSecond").GetDouble()).ToArray());
        points.LegendText = "each tenth of a slice";
        points.MarkerSize = 5;
        var means = plot.Add.Scatter(
            slices.Select(s => s.GetProperty("to").GetDouble() / 1e6).ToArray(),
            slices.Select(s => s.GetProperty("perSecond").GetDouble()).ToArray());
        means.LegendText = "slice mean";
        means.LineWidth = 2;
        means.MarkerSize = 8;
        plot.Axes.SetLimitsY(0, tenths.Max(t => t.GetProperty("perSecond").GetDouble()) * 1.1);
        plot.Title("Ingest rate against records stored (POST /api/v1/records/batch)");
        plot.XLabel("records stored (millions)");
        plot.YLabel("records per second");
        plot.ShowLegend(Alignment.LowerLeft);
        plot.SavePng(path, 900, 480);
    }

    private static void DrawLookups(JsonElement root, string path)
    {
        var checkpoints = root.GetProperty("checkpoints").EnumerateArray().ToList();
        var xs = checkpoints.Select(c => c.GetProperty("stored").GetDouble() / 1e6).ToArray();
        double P99(JsonElement c, params string[] at)
        {
            var e = c;
            foreach (var name in at)
            {
                if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out e))
                {
                    return double.NaN;
                }
            }
            return e.ValueKind == JsonValueKind.Object ? e.GetProperty("p99Ms").GetDouble() : double.NaN;
        }
        var plot = new Plot();
        foreach (var (name, at) in new (string, string[])[]
        {
            ("verify, service", ["verify", "service"]),
            ("proof bundle, service", ["proof"]),
            ("look-up by hash, bare loop", ["verify", "bareLoop"]),
        })
        {
            var line = plot.Add.Scatter(xs, checkpoints.Select(c => P99(c, at)).ToArray());
            line.LegendText = name;
            line.LineWidth = 2;
            line.MarkerSize = 8;
        }
        var target = plot.Add.HorizontalLine(20);
        target.LegendText = "target: verify p99 < 20 ms";
        target.LinePattern = LinePattern.Dashed;
        target.Color = Colors.Gray;
        var highest = checkpoints.SelectMany(c => new[] { P99(c, "verify", "service"), P99(c, "proof"), P99(c, "verify", "bareLoop") })
            .Where(double.IsFinite).DefaultIfEmpty(20).Max();
        plot.Axes.SetLimits(0, xs.DefaultIfEmpty(1).Max() * 1.05, 0, Math.Max(highest, 20) * 1.1);
        plot.Title("Look-up p99 against records stored (wrk, 64 connections)");
        plot.XLabel("records stored (millions)");
        plot.YLabel("p99 latency, ms");
        plot.ShowLegend(Alignment.UpperLeft);
        plot.SavePng(path, 900, 480);
    }
}
