#:package ScottPlot@5.1.59
// Inside the repository, so opt out of its central package versions and documentation rule: this is a script.
#:property ManagePackageVersionsCentrally=false
#:property GenerateDocumentationFile=false
#:property EnforceCodeStyleInBuild=false
// Draws the gas curve (gas per record against batch size, both logarithmic) from bench/gas/measure.js's JSON.
//   dotnet run --file bench/gas/chart.cs -- RESULTS.json OUT.png
using System.Text.Json;
using ScottPlot;

var report = JsonDocument.Parse(File.ReadAllText(args[0])).RootElement;
var rows = report.GetProperty("results").EnumerateArray().ToList();
var names = new Dictionary<string, string>
{
    ["ledger-anchor"] = "LedgerAnchor (one root per batch)",
    ["eas-attest"] = "EAS attest (one per record)",
    ["eas-multi-attest"] = "EAS multiAttest (100 per call)",
    ["eas-multi-timestamp"] = "EAS multiTimestamp",
    ["storage-write"] = "One storage write per record",
};

var plot = new Plot();
foreach (var (kind, name) in names)
{
    var points = rows.Where(r => r.GetProperty("kind").GetString() == kind).ToList();
    var xs = points.Select(r => Math.Log10(r.GetProperty("records").GetDouble())).ToArray();
    var ys = points.Select(r => Math.Log10(r.GetProperty("gasPerRecord").GetDouble())).ToArray();
    var line = plot.Add.Scatter(xs, ys);
    line.LegendText = name;
    line.MarkerSize = 7;
    line.LineWidth = 2;
}
var target = plot.Add.HorizontalLine(Math.Log10(50));
target.LegendText = "target: 50 gas per record";
target.LinePattern = LinePattern.Dashed;
target.Color = Colors.Gray;

var ticks = new ScottPlot.TickGenerators.NumericManual();
foreach (var power in Enumerable.Range(0, 7))
{
    ticks.AddMajor(power, Math.Pow(10, power).ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
}
plot.Axes.Bottom.TickGenerator = ticks;
var yTicks = new ScottPlot.TickGenerators.NumericManual();
foreach (var power in Enumerable.Range(-1, 8))
{
    yTicks.AddMajor(power, Math.Pow(10, power).ToString("N1", System.Globalization.CultureInfo.InvariantCulture).Replace(".0", "", StringComparison.Ordinal));
}
plot.Axes.Left.TickGenerator = yTicks;
plot.Axes.SetLimits(-0.2, 5.2, -0.5, 6);
plot.Title("Gas per record by batch size (one anvil, one run)");
plot.XLabel("records per batch (log)");
plot.YLabel("gas per record (log)");
plot.ShowLegend(Alignment.LowerLeft);
plot.SavePng(args[1], 1000, 600);
Console.WriteLine($"Wrote {args[1]}");
