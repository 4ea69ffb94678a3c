using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ledger.Cli.CommandLine;

namespace Ledger.Cli.Commands.Demo;

/// <summary>
/// <c>ledger demo food --api URL --data-dir DIR</c>: against a running embedded instance, captures a small supply chain
/// (farm → processor → distributor → two markets) as EPCIS events, submits two markets' rapid tests (one failing) and
/// an inspection, then prints where to see the trace, the recall export, the certificates and the stall pages. It uses
/// the demo organisations' keys the embedded instance wrote to its data folder (embedded-keys.json).
/// </summary>
internal sealed class DemoFoodCommand : LedgerCommand
{
    private readonly RequiredOption<Uri> _api = new("--api", "url", "http://127.0.0.1:5080", "The running embedded service's base URL.")
    {
        CustomParser = StatusCommand.ServiceUrl,
    };
    private readonly RequiredOption<DirectoryInfo> _dataDir = new("--data-dir", "dir", "./data", "The embedded service's data folder (it holds embedded-keys.json).");

    public DemoFoodCommand() : base("food", "Create a demo food supply chain with rapid tests on a running embedded instance and print where to look.")
    {
        Options.Add(_api);
        Options.Add(_dataDir);
    }

    protected override async Task<int> RunAsync(ParseResult result, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var api = result.GetRequiredValue(_api);
        var keysFile = Path.Combine(result.GetRequiredValue(_dataDir).FullName, "embedded-keys.json");
        if (!File.Exists(keysFile))
        {
            throw new UsageException($"{keysFile} does not exist: --data-dir must be the data folder of a running embedded instance.");
        }
        var keys = JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllTextAsync(keysFile, ct))!;
        using var enterprise = Client(api, keys["food-enterprise"]);
        using var inspector = Client(api, keys["inspector"]);
        var chain = new FoodDemoChain(DateTimeOffset.UtcNow.ToString("MMddHHmmss", CultureInfo.InvariantCulture));
        try
        {
            await output.WriteLineAsync("Capturing the supply chain (10 EPCIS events: harvest, shipping, processing, packing, distribution, two markets)…");
            var job = await CaptureAsync(enterprise, chain.Document(), ct);
            if (!job.GetProperty("success").GetBoolean())
            {
                await error.WriteLineAsync($"error: the capture failed: {job.GetProperty("errors")}");
                return CliApp.Invalid;
            }
            var passed = await SubmitAsync(enterprise, RapidTest(chain.SaladLot, "LH-A017", "龙华农贸市场", "王记蔬菜", "qualified", "12.4"), ct);
            var failed = await SubmitAsync(enterprise, RapidTest(chain.SaladLot, "XJH-B203", "徐家汇菜市场", "李姐净菜", "unqualified", "61.8"), ct);
            var inspection = await SubmitAsync(inspector, Inspection(chain.SaladLot), ct);
            var root = api.ToString().TrimEnd('/');
            var lot = Uri.EscapeDataString(chain.SaladLot);
            await output.WriteLineAsync($"""
                Done. The processed lot: {chain.SaladLot}
                  farm lots:  {chain.SpinachLot}, {chain.BokChoyLot}
                  pallet:     {chain.Pallet}
                Trace (inspector or food-enterprise key in X-Api-Key):
                  backward  {root}/api/v1/food/trace?epc={lot}&direction=backward
                  forward   {root}/api/v1/food/trace?epc={Uri.EscapeDataString(chain.SpinachLot)}&direction=forward
                  recall    {root}/api/v1/food/recall.csv?epc={lot}
                Certificates (public):
                  rapid test, qualified     {root}/food/certificates/{passed}
                  rapid test, unqualified   {root}/food/certificates/{failed}
                  inspection                {root}/food/certificates/{inspection}
                Stalls (public):
                  {root}/food/stalls/LH-A017
                  {root}/food/stalls/XJH-B203
                """);
            return CliApp.Valid;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            await error.WriteLineAsync($"error: the service at {api} did not answer ({e.Message}).");
            return CliApp.Unavailable;
        }
    }

    private static HttpClient Client(Uri api, string key)
    {
        var client = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    private static async Task<JsonElement> CaptureAsync(HttpClient client, string document, CancellationToken ct)
    {
        using var content = new StringContent(document, Encoding.UTF8, "application/ld+json");
        var response = await client.PostAsync("/epcis/capture", content, ct);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new HttpRequestException($"capture answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        }
        var location = response.Headers.Location!.ToString();
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var job = await client.GetFromJsonAsync<JsonElement>(location, ct);
            if (job.GetProperty("status").GetString() != "running")
            {
                return job;
            }
            await Task.Delay(100, ct);
        }
        throw new HttpRequestException("the capture job was still running after a minute");
    }

    private static async Task<string> SubmitAsync(HttpClient client, JsonObject submission, CancellationToken ct)
    {
        var response = await client.PostAsJsonAsync("/api/v1/records", submission, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        return response.StatusCode == HttpStatusCode.Accepted
            ? JsonDocument.Parse(body).RootElement.GetProperty("recordHash").GetString()!
            : throw new HttpRequestException($"a record was refused ({(int)response.StatusCode}): {body}");
    }

    private static JsonObject RapidTest(string lotEpc, string stallId, string market, string stall, string result, string reading)
    {
        var payload = new JsonObject
        {
            ["market"] = new JsonObject { ["name"] = market },
            ["stall"] = new JsonObject { ["id"] = stallId, ["name"] = stall },
            ["product"] = "净菜沙拉 (mixed salad greens)",
            ["lot"] = lotEpc[(lotEpc.LastIndexOf('.') + 1)..],
            ["lotEpc"] = lotEpc,
            ["testItem"] = "有机磷和氨基甲酸酯类农药残留",
            ["method"] = "GB/T 5009.199 酶抑制率法",
            ["reading"] = reading,
            ["unit"] = "%",
            ["limit"] = "< 50",
            ["result"] = result,
            ["tester"] = "QC-02",
        };
        if (result == "unqualified")
        {
            payload["disposal"] = "destroyed";
        }
        return new JsonObject { ["domain"] = "food-safety", ["type"] = "rapid-test", ["occurredAt"] = "2024-05-03T09:00:00+08:00", ["payload"] = payload };
    }

    private static JsonObject Inspection(string lotEpc) => new()
    {
        ["domain"] = "food-safety",
        ["type"] = "inspection",
        ["occurredAt"] = "2024-05-03T10:00:00+08:00",
        ["payload"] = new JsonObject
        {
            ["enterprise"] = new JsonObject { ["name"] = "徐家汇菜市场 李姐净菜" },
            ["product"] = "净菜沙拉",
            ["lot"] = lotEpc[(lotEpc.LastIndexOf('.') + 1)..],
            ["inspectionKind"] = "sampling",
            ["result"] = "pending-lab",
        },
    };
}
