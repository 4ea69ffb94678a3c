using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ledger.Api.Access;
using Ledger.Api.Tests.PublicPages;

namespace Ledger.Api.Tests.Food;

/// <summary>The certificate and stall pages in headless Chromium: Chinese first, every fact on the page, QR codes that load under the page policy.</summary>
public sealed class FoodPagesTests(BrowserLedger ledger) : IClassFixture<BrowserLedger>
{
    [Fact]
    public async Task AFailedRapidTestsCertificateShowsTheResultDisposalAgencyAndAQrToItsVerifyPage()
    {
        var stall = NewStall();
        var hash = await SubmitRapidTestAsync(stall, "unqualified");
        await using var context = await ledger.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") { errors.Add(m.Text); } };

        var response = await page.GotoAsync($"/food/certificates/{hash}");

        Assert.Equal(200, response!.Status);
        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));
        var facts = await page.Locator("#certificate").InnerTextAsync();
        Assert.Contains("不合格", facts, StringComparison.Ordinal);
        Assert.Contains("销毁", facts, StringComparison.Ordinal);
        Assert.Contains("小白菜", facts, StringComparison.Ordinal);
        Assert.Contains(stall, facts, StringComparison.Ordinal);
        var qr = page.Locator("figure.qr img");
        Assert.Equal($"/v/{hash}/qr.svg", await qr.GetAttributeAsync("src"));
        Assert.True(await qr.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task TheCertificateSpeaksEnglishOnRequest()
    {
        var hash = await SubmitRapidTestAsync(NewStall(), "qualified");
        await using var context = await ledger.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync($"/food/certificates/{hash}?lang=en");

        Assert.Contains("Qualified", await page.Locator("#certificate").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACertificateOfAnUnknownHashIsANotFoundPage()
    {
        var response = await ledger.Factory.CreateClient().GetAsync($"/food/certificates/0x{new string('a', 64)}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TheStallPageListsTheStallsTestsNewestFirstWithLinksAndAPrintableQr()
    {
        var stall = NewStall();
        var first = await SubmitRapidTestAsync(stall, "qualified", "2024-05-01T09:00:00+08:00");
        var second = await SubmitRapidTestAsync(stall, "unqualified", "2024-05-02T09:00:00+08:00");
        await SubmitRapidTestAsync(NewStall(), "qualified");
        await using var context = await ledger.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync($"/food/stalls/{stall}");

        var links = await page.Locator("#tests tbody tr a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Equal([$"/food/certificates/{second}?lang=zh", $"/food/certificates/{first}?lang=zh"], links);
        Assert.True(await page.Locator("figure.qr img").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"));
    }

    private static string NewStall() => $"T-{Random.Shared.Next(100000, 999999)}";

    private async Task<string> SubmitRapidTestAsync(string stall, string result, string occurredAt = "2024-05-03T09:00:00+08:00")
    {
        var payload = new JsonObject
        {
            ["market"] = new JsonObject { ["name"] = "龙华农贸市场" },
            ["stall"] = new JsonObject { ["id"] = stall, ["name"] = "王记蔬菜" },
            ["product"] = "小白菜",
            ["lot"] = "20240503-01",
            ["testItem"] = "有机磷和氨基甲酸酯类农药残留",
            ["method"] = "GB/T 5009.199 酶抑制率法",
            ["reading"] = result == "qualified" ? "12.5" : "62.5",
            ["unit"] = "%",
            ["limit"] = "< 50",
            ["result"] = result,
            ["tester"] = "LH-QC-02",
        };
        if (result == "unqualified")
        {
            payload["disposal"] = "destroyed";
        }
        var response = await ledger.Factory.ClientFor(Roles.FoodEnterprise).PostAsJsonAsync("/api/v1/records",
            new JsonObject { ["domain"] = "food-safety", ["type"] = "rapid-test", ["occurredAt"] = occurredAt, ["payload"] = payload });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recordHash").GetString()!;
    }
}
