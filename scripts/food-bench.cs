#:project ../tests/Ledger.Testing/Ledger.Testing.csproj
#:property Configuration=Release
#:property PublishAot=false
// Run through scripts/bench-food, which starts the service: captures the generated supply network, then times traces
// and recall.csv against it and checks every answer against the generator's oracle (a wrong answer fails the run).
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Ledger.Testing.Food;

var (baseUrl, keysFile, dbFile) = (args[0], args[1], args[2]);
var count = int.Parse(Environment.GetEnvironmentVariable("BENCH_EVENTS") ?? "100000", CultureInfo.InvariantCulture);
var keys = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(keysFile))!;
using var enterprise = Client(keys["food-enterprise"]);
using var inspector = Client(keys["inspector"]);

var network = SupplyNetwork.Generate(count, seed: 20261130, tag: "777777");
var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
Console.WriteLine($"bench-food: {Environment.ProcessorCount} cores, {Cpu()}, load average {Load()} before capture");
var clock = Stopwatch.StartNew();
var documentClock = Stopwatch.StartNew();
foreach (var document in network.Documents())
{
    documentClock.Restart();
    using var content = new StringContent(document, Encoding.UTF8);
    content.Headers.ContentType = new MediaTypeHeaderValue("application/ld+json");
    var location = (await enterprise.PostAsync("/epcis/capture", content)).EnsureSuccessStatusCode().Headers.Location!;
    JsonElement job;
    do
    {
        await Task.Delay(500);
        job = await enterprise.GetFromJsonAsync<JsonElement>(location);
    }
    while (job.GetProperty("status").GetString() == "running");
    if (!job.GetProperty("success").GetBoolean())
    {
        throw new InvalidOperationException($"capture failed: {job.ToString()[..Math.Min(1000, job.ToString().Length)]}");
    }
    foreach (var e in job.GetProperty("events").EnumerateArray())
    {
        hashes[e.GetProperty("eventId").GetString()!] = e.GetProperty("recordHash").GetString()!;
    }
    var inDocument = job.GetProperty("events").GetArrayLength();
    Console.WriteLine($"bench-food: {hashes.Count} events captured ({clock.Elapsed.TotalSeconds:F0} s; this document {inDocument / documentClock.Elapsed.TotalSeconds:F0} events/s; load average {Load()})");
}
Console.WriteLine($"bench-food: capture {hashes.Count / clock.Elapsed.TotalSeconds:F0} events/s overall ({clock.Elapsed.TotalSeconds:F0} s, posting and polling every 0.5 s included)");
Console.WriteLine($"bench-food: database {new FileInfo(dbFile).Length / 1024 / 1024} MiB");
string HashOf(int index) => hashes[network.Events[index].EventId];
const int Runs = 5;

var roots = new (string Name, string Root, bool Forward)[]
{
    ("deep brine chain, last lot", network.ChainLots[^1], false),
    ("processed lot", network.ProcessedLots[network.ProcessedLots.Count / 2], false),
    ("reworked lot", network.ReworkedLots[^1], false),
    ("pallet", network.PalletIds[network.PalletIds.Count / 2], false),
    ("first farm lot", network.FarmLots[0], true),
    ("farm lot", network.FarmLots[network.FarmLots.Count / 2], true),
    ("packed lot", network.PackedLots[network.PackedLots.Count / 3], true),
    ("reworked lot", network.ReworkedLots[^1], true),
};
Console.WriteLine();
Console.WriteLine($"| request | root | lots reached | events | p50 of {Runs} (ms) | max (ms) |");
Console.WriteLine("|---|---|---:|---:|---:|---:|");
foreach (var (name, root, forward) in roots)
{
    var expected = TraceOracle.Trace(network.Events, root, forward);
    var direction = forward ? "forward" : "backward";
    var (answer, ms, max) = await TimeAsync(() => inspector.GetStringAsync($"/api/v1/food/trace?epc={Uri.EscapeDataString(root)}&direction={direction}&depth=256"));
    var trace = JsonDocument.Parse(answer).RootElement;
    var lots = trace.GetProperty("lots").EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal);
    var events = trace.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("recordHash").GetString()!).ToHashSet(StringComparer.Ordinal);
    Check(lots.SetEquals(expected.Identifiers) && events.SetEquals(expected.Events.Select(HashOf)), $"{direction} trace from {root}");
    Console.WriteLine($"| trace {direction} | {name} | {lots.Count:N0} | {events.Count:N0} | {ms:F0} | {max:F0} |");
}
foreach (var (name, root) in new[] { ("processed lot", network.ProcessedLots[network.ProcessedLots.Count / 2]), ("deep brine chain, last lot", network.ChainLots[^1]) })
{
    var expected = TraceOracle.Trace(network.Events, root, false).Events.Union(TraceOracle.Trace(network.Events, root, true).Events).Select(HashOf).ToHashSet(StringComparer.Ordinal);
    var (csv, ms, max) = await TimeAsync(() => inspector.GetStringAsync($"/api/v1/food/recall.csv?epc={Uri.EscapeDataString(root)}"));
    var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[1..].Select(l => l.Split(',')[^2]).ToList();
    Check(rows.Count == expected.Count && rows.ToHashSet(StringComparer.Ordinal).SetEquals(expected), $"recall.csv of {root}");
    Console.WriteLine($"| recall.csv | {name} | | {rows.Count:N0} rows | {ms:F0} | {max:F0} |");
}
Console.WriteLine($"bench-food: load average {Load()} after the requests");

// Every run's answer is the one checked: the last; p50 is the median of the runs, max the slowest (the first, cold, included).
static async Task<(string Answer, double P50, double Max)> TimeAsync(Func<Task<string>> request)
{
    var times = new List<double>();
    var answer = "";
    for (var i = 0; i < Runs; i++)
    {
        var watch = Stopwatch.StartNew();
        answer = await request();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }
    return (answer, times.Order().ElementAt(Runs / 2), times.Max());
}

static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "unknown";

static string Cpu() => File.Exists("/proc/cpuinfo")
    ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
    : "unknown CPU";

static void Check(bool ok, string what)
{
    if (!ok)
    {
        throw new InvalidOperationException($"bench-food: the {what} differs from the oracle's.");
    }
}

HttpClient Client(string key)
{
    var client = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(10) };
    client.DefaultRequestHeaders.Add("X-Api-Key", key);
    return client;
}
