using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using Ledger.Api.Access;
using Ledger.Api.Tests.PublicPages;
using Microsoft.Playwright;

namespace Ledger.Api.Tests.Food;

/// <summary>
/// The trace page in headless Chromium: the drawing's lots and places for the demo's chain, both languages, a failed lot
/// named in words, links reached from the keyboard, nothing from another origin, a phone's width, axe-core, and the
/// plain pages for a malformed or unknown identifier and for a visitor without a key.
/// </summary>
public sealed class FoodTracePageTests(BrowserLedger ledger) : IClassFixture<BrowserLedger>
{
    [Fact]
    public async Task BackwardFromTheProcessedLotDrawsItsLotsAndPlacesAndNamesTheFailedLotInWords()
    {
        var chain = await CaptureAsync();
        await EpcisCapturing.SubmitFailedRapidTestAsync(ledger.Factory.ClientFor(Roles.Inspector), chain.LotC);
        var page = await StaffPageAsync($"/food/trace?epc={Uri.EscapeDataString(chain.LotC)}&direction=backward");

        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal(Sorted(chain.LotA, chain.LotB, chain.LotC, chain.Pallet, SupplyChain.Farm, SupplyChain.Processor, SupplyChain.Distributor,
            SupplyChain.MarketOne, SupplyChain.MarketTwo), await NodesAsync(page));
        var flagged = page.Locator("#trace-graph g.flagged");
        Assert.Equal(SupplyChain.Canonical(chain.LotC), await flagged.Locator("title").TextContentAsync());
        Assert.Contains("快检不合格", await flagged.InnerHTMLAsync(), StringComparison.Ordinal);
        Assert.Contains("快检不合格", await page.Locator("#flags").InnerTextAsync(), StringComparison.Ordinal);
        var api = await TraceAsync(chain.LotC, "backward");
        var hashes = api.GetProperty("events").EnumerateArray().Select(e => $"/v/{e.GetProperty("recordHash").GetString()}?lang=zh").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(hashes, await HrefsAsync(page, "#trace-graph a.event"));
        Assert.Equal(hashes, await HrefsAsync(page, "#events tbody a"));
    }

    [Fact]
    public async Task ForwardFromAFarmLotInEnglishReachesTheProcessedLotItsPalletAndEveryPlace()
    {
        var chain = await CaptureAsync();
        await EpcisCapturing.SubmitFailedRapidTestAsync(ledger.Factory.ClientFor(Roles.Inspector), chain.LotC);
        var page = await StaffPageAsync($"/food/trace?epc={Uri.EscapeDataString(chain.LotA)}&direction=forward&lang=en");

        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("Food trace", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(Sorted(chain.LotA, chain.LotC, chain.Pallet, SupplyChain.Farm, SupplyChain.Processor, SupplyChain.Distributor,
            SupplyChain.MarketOne, SupplyChain.MarketTwo), await NodesAsync(page));
        Assert.Contains("FAILED TEST", await page.Locator("#trace-graph g.flagged").InnerHTMLAsync(), StringComparison.Ordinal);
        Assert.Equal("page", await page.Locator("nav.directions a", new() { HasText = "Forward" }).GetAttributeAsync("aria-current"));
    }

    [Fact]
    public async Task TheKeyboardReachesTheDrawingsEventLinksAndTheTablesVerifyLinks()
    {
        var chain = await CaptureAsync();
        var page = await StaffPageAsync($"/food/trace?epc={Uri.EscapeDataString(chain.LotC)}");
        var events = await page.Locator("#trace-graph a.event").CountAsync();
        var focused = new List<string>();

        for (var i = 0; i < 40 + 2 * events; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            focused.Add(await page.EvaluateAsync<string>("() => (document.activeElement.closest('svg') ? 'svg ' : '') + (document.activeElement.getAttribute('href') ?? document.activeElement.tagName)"));
        }

        Assert.Contains(focused, f => f.StartsWith("svg /v/", StringComparison.Ordinal));
        Assert.Contains(focused, f => f.StartsWith("/v/", StringComparison.Ordinal));
        Assert.Equal(events, focused.Where(f => f.StartsWith("svg /v/", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task OnA360PixelPhoneThePageAsksNothingOfAnotherOriginDoesNotScrollSidewaysAndAxeFindsNothingSerious()
    {
        var chain = await CaptureAsync();
        await EpcisCapturing.SubmitFailedRapidTestAsync(ledger.Factory.ClientFor(Roles.Inspector), chain.LotC);
        await using var context = await ledger.NewContextAsync(width: 360);
        await context.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { ["X-Api-Key"] = ledger.Factory.KeyFor(Roles.Inspector) });
        var origins = new List<string>();
        context.Request += (_, request) => origins.Add(new Uri(request.Url).GetLeftPart(UriPartial.Authority));
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Type is "error" or "warning") problems.Add(message.Text); };

        var response = await page.GotoAsync($"/food/trace?epc={Uri.EscapeDataString(chain.LotC)}");

        Assert.Equal(200, response!.Status);
        Assert.All(origins, o => Assert.Equal(ledger.BaseUrl, o));
        Assert.Empty(problems);
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 360);
        Assert.True(await page.EvaluateAsync<bool>("() => { const box = document.querySelector('figure.graph .scroll'); return box.scrollWidth > box.clientWidth; }"));
        Assert.StartsWith("default-src 'none'; script-src 'self'", response.Headers["content-security-policy"], StringComparison.Ordinal);
        var axe = await page.RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }

    [Theory]
    [InlineData("/food/trace?epc=urn:epc:class:lgtin:4012345.012345.NEVER-CAPTURED", 404, "未找到此批次")]
    [InlineData("/food/trace?epc=not%20a%20code", 400, "无效的追溯码")]
    [InlineData("/food/trace?epc=urn:epc:class:lgtin:4012345.012345.X&direction=sideways&lang=en", 400, "Not a valid trace code")]
    [InlineData("/food/trace", 400, "无效的追溯码")]
    public async Task AnUnknownIdentifierIsANotFoundPageAndAMalformedOneABadRequestPage(string path, int status, string heading)
    {
        var client = ledger.Factory.ClientFor(Roles.Inspector);

        var response = await client.GetAsync(path);

        Assert.Equal((HttpStatusCode)status, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"<h1>{heading}</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AVisitorWithoutAKeySeesTheLotsPublishedTestsNotItsSupplyChainAndTheCertificateLinksThere()
    {
        var chain = await CaptureAsync();
        var test = await EpcisCapturing.SubmitFailedRapidTestAsync(ledger.Factory.ClientFor(Roles.Inspector), chain.LotC);
        await using var context = await ledger.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/food/certificates/{test}");

        await page.Locator("#trace-link").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/food/trace?", StringComparison.Ordinal));

        Assert.Equal(0, await page.Locator("#trace-graph").CountAsync());
        Assert.True(await page.Locator("#public-note").IsVisibleAsync());
        Assert.Equal([$"/food/certificates/{test}?lang=zh"], await HrefsAsync(page, "#tests tbody a"));
        Assert.Contains("不合格", await page.Locator("#tests").InnerTextAsync(), StringComparison.Ordinal);
        var stranger = await ledger.Factory.CreateClient().GetAsync($"/food/trace?epc={Uri.EscapeDataString(chain.LotA)}");
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode); // captured, but no published test names it
    }

    private async Task<IPage> StaffPageAsync(string path)
    {
        var context = await ledger.NewContextAsync();
        await context.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { ["X-Api-Key"] = ledger.Factory.KeyFor(Roles.Inspector) });
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response!.Status);
        return page;
    }

    private async Task<SupplyChain> CaptureAsync()
    {
        var chain = new SupplyChain();
        var job = await EpcisCapturing.CaptureAsync(ledger.Factory.ClientFor(Roles.FoodEnterprise), chain.Document(withRework: false));
        Assert.True(job.GetProperty("success").GetBoolean(), job.ToString());
        return chain;
    }

    private async Task<JsonElement> TraceAsync(string epc, string direction) =>
        await ledger.Factory.ClientFor(Roles.Inspector).GetFromJsonAsync<JsonElement>($"/api/v1/food/trace?epc={Uri.EscapeDataString(epc)}&direction={direction}");


    private static List<string> Sorted(params string[] ids) => [.. ids.Select(SupplyChain.Canonical).Order(StringComparer.Ordinal)];

    private static async Task<List<string>> NodesAsync(IPage page) =>
        [.. (await page.Locator("#trace-graph g.node > title").AllTextContentsAsync()).Order(StringComparer.Ordinal)];

    private static async Task<List<string>> HrefsAsync(IPage page, string selector) =>
        [.. (await page.Locator(selector).EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))")).Distinct().Order(StringComparer.Ordinal)];
}
