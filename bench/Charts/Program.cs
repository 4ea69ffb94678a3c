// Draws the charts of docs/benchmarks.md from the results scripts/bench wrote.
// Usage: dotnet run --project bench/Charts -- <benchmarks.json> <output folder>
//        dotnet run --project bench/Charts -- scale <benchmarks-scale.json> <output folder>   (scripts/bench --scale)
using System.Text.Json;
using Ledger.Bench.Charts;
using ScottPlot;

if (args is ["scale", var scaleResults, var scaleFolder])
{
    return ScaleCharts.Draw(scaleResults, scaleFolder);
}
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: Charts <benchmarks.json> <output folder>");
    return 2;
}
using var results = JsonDocument.Parse(File.ReadAllBytes(args[0]));
Directory.CreateDirectory(args[1]);
var root = results.RootElement;
double Figure(string test, string target, string field) =>
    root.GetProperty(test).GetProperty(target) is { ValueKind: JsonValueKind.Object } f ? f.GetProperty(field).GetDouble() : 0;

var service = Colors.C0;
var bareLoop = Colors.C1;

// Throughput: requests per second, service beside the bare loop, for ingest and verify.
var throughput = new Plot();
throughput.Add.Bars(new List<Bar>
{
    new() { Position = 0.8, Value = Figure("ingest", "bareLoop", "perSecond"), FillColor = bareLoop },
    new() { Position = 1.2, Value = Figure("ingest", "service", "perSecond"), FillColor = service },
    new() { Position = 1.8, Value = Figure("verify", "bareLoop", "perSecond"), FillColor = bareLoop },
    new() { Position = 2.2, Value = Figure("verify", "service", "perSecond"), FillColor = service },
}.Select(b => { b.Size = 0.38; return b; }).ToList());
throughput.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([1, 2], ["ingest (POST)", "verify (GET by hash)"]);
throughput.Axes.Margins(bottom: 0);
throughput.YLabel("requests per second (median of rounds)");
throughput.Title("Throughput, 64 connections");
Legend(throughput);
throughput.SavePng(Path.Combine(args[1], "throughput.png"), 720, 440);

// Latency percentiles of each load, on a log scale: they span two orders of magnitude.
var latency = new Plot();
string[] loads = ["ingest", "verify"];
var bars = new List<Bar>();
for (var i = 0; i < loads.Length; i++)
{
    var p = 0;
    foreach (var field in new[] { "p50Ms", "p90Ms", "p99Ms" })
    {
        var x = i * 4 + p * 1.0 + 1;
        bars.Add(new Bar { Position = x - 0.2, Value = Math.Log10(Math.Max(0.1, Figure(loads[i], "bareLoop", field))), FillColor = bareLoop, Size = 0.38 });
        bars.Add(new Bar { Position = x + 0.2, Value = Math.Log10(Math.Max(0.1, Figure(loads[i], "service", field))), FillColor = service, Size = 0.38 });
        p++;
    }
}
latency.Add.Bars(bars);
latency.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
    [1, 2, 3, 5, 6, 7], ["ingest p50", "p90", "p99", "verify p50", "p90", "p99"]);
latency.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
    [-1, 0, 1, 2, 3, 4], ["0.1", "1", "10", "100", "1,000", "10,000"]);
latency.Axes.SetLimitsY(-1, 4.2);
latency.YLabel("latency, ms (log scale)");
latency.Title("Latency percentiles at full load, 64 connections");
Legend(latency);
latency.SavePng(Path.Combine(args[1], "latency.png"), 720, 440);
Console.WriteLine($"charts: wrote throughput.png and latency.png to {args[1]}");
return 0;

void Legend(Plot plot)
{
    plot.Legend.ManualItems.Add(new LegendItem { LabelText = "service", FillColor = service });
    plot.Legend.ManualItems.Add(new LegendItem { LabelText = "bare loop", FillColor = bareLoop });
    plot.Legend.Alignment = Alignment.UpperRight;
    plot.ShowLegend();
}
