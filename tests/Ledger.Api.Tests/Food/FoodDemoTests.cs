using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ledger.Api.Access;
using Ledger.Api.Tests.PublicPages;
using Ledger.Cli;
using Ledger.Core.Epcis;

namespace Ledger.Api.Tests.Food;

/// <summary><c>ledger demo food</c> against a running instance: the chain it creates traces, flags and names its places exactly as designed.</summary>
public sealed partial class FoodDemoTests(BrowserLedger ledger) : IClassFixture<BrowserLedger>
{
    [Fact]
    public async Task TheDemoChainTracesBackToBothFarmLotsForwardToBothMarketsAndFlagsTheFailedRapidTest()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await CliApp.RunAsync(["demo", "food", "--api", ledger.BaseUrl, "--data-dir", ledger.Factory.DataDirectory], output, error);

        Assert.True(exit == 0, error.ToString());
        var text = output.ToString();
        var salad = Canonical(ProcessedLot().Match(text).Groups[1].Value);
        var farm = FarmLots().Match(text);
        var (spinach, bokChoy) = (Canonical(farm.Groups[1].Value), Canonical(farm.Groups[2].Value));
        var pallet = Canonical(Pallet().Match(text).Groups[1].Value);
        var client = ledger.Factory.ClientFor(Roles.Inspector);

        var backward = await client.GetFromJsonAsync<JsonElement>($"/api/v1/food/trace?epc={Uri.EscapeDataString(salad)}&direction=backward");
        var forward = await client.GetFromJsonAsync<JsonElement>($"/api/v1/food/trace?epc={Uri.EscapeDataString(spinach)}&direction=forward");

        Assert.Equal(Sorted(spinach, bokChoy, salad, pallet), Strings(backward, "lots"));
        Assert.Equal(Sorted(spinach, salad, pallet), Strings(forward, "lots"));
        Assert.Equal(5, forward.GetProperty("locations").GetArrayLength());
        var flag = Assert.Single(forward.GetProperty("failedTests").EnumerateArray());
        Assert.Equal(salad, flag.GetProperty("lot").GetString());
        Assert.Equal(10, backward.GetProperty("events").GetArrayLength());
        // The document's master data names the places: the recall export shows each beside its GLN.
        var recall = await client.GetStringAsync($"/api/v1/food/recall.csv?epc={Uri.EscapeDataString(salad)}");
        foreach (var place in new[] { "青浦绿源蔬菜种植基地", "松江鲜切净菜加工厂", "闵行冷链配送中心", "龙华农贸市场", "徐家汇菜市场" })
        {
            Assert.Contains($",{place},", recall, StringComparison.Ordinal);
        }
    }

    private static string Canonical(string id) => Gs1Identifier.TryParse(id)!.Canonical;

    private static List<string> Sorted(params string[] ids) => [.. ids.Order(StringComparer.Ordinal)];

    private static List<string> Strings(JsonElement trace, string name) =>
        [.. trace.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"The processed lot: (\S+)")]
    private static partial Regex ProcessedLot();

    [GeneratedRegex(@"farm lots:\s+(\S+), (\S+)")]
    private static partial Regex FarmLots();

    [GeneratedRegex(@"pallet:\s+(\S+)")]
    private static partial Regex Pallet();
}
