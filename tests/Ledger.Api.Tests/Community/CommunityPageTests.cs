using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Deque.AxeCore.Playwright;
using Ledger.Api.Access;
using Ledger.Api.Tests.PublicPages;
using Ledger.Core.Records;

namespace Ledger.Api.Tests.Community;

/// <summary>The community's public page in headless Chromium: no login, Chinese first, fits a phone, every line a verify link.</summary>
public sealed class CommunityPageTests(BrowserLedger ledger) : IClassFixture<BrowserLedger>
{
    [Fact]
    public async Task AResidentWithoutAnAccountSeesTheFundDecisionsAndObjectionsAndEveryLineLinksToItsVerifyPage()
    {
        var community = await PopulatedCommunityAsync();
        await using var context = await ledger.NewContextAsync(width: 360);
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync($"/community/{community.Id}");

        Assert.Equal((int)HttpStatusCode.OK, response!.Status);
        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Contains("社区基金", await page.Locator("#fund h2").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("¥1800.00", await page.Locator("#fund .balance").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Install a bicycle shelter", await page.Locator("#decisions").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("The receipt shows", await page.Locator("#objections").InnerTextAsync(), StringComparison.Ordinal);
        var links = await page.Locator("li a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.True(links.Length >= 5, $"only {links.Length} lines");
        Assert.All(links, href => Assert.Matches("^/v/0x[0-9a-f]{64}$", href));
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 360);
    }

    [Fact]
    public async Task ALineOpensItsRecordsVerifyPage()
    {
        var community = await PopulatedCommunityAsync();
        await using var context = await ledger.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/community/{community.Id}");
        var first = page.Locator("#fund li a").First;
        var href = await first.GetAttributeAsync("href");

        await first.ClickAsync();
        await BrowserLedger.WaitUntilCheckedAsync(page);

        Assert.EndsWith(href!, page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AxeFindsNoSeriousOrCriticalViolationsAndTheStrictPolicyHolds()
    {
        var community = await PopulatedCommunityAsync();
        await using var context = await ledger.NewContextAsync(locale: "en-US");
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Type is "error" or "warning") problems.Add(message.Text); };
        await page.GotoAsync($"/community/{community.Id}");
        Assert.Empty(problems);
        Assert.Equal("rgb(178, 34, 34)", await page.Locator("#fund h2").EvaluateAsync<string>("h => getComputedStyle(h).borderBottomColor"));

        var result = await page.RunAxe();

        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }

    [Fact]
    public async Task TheOlderAndNewerLinksPageThroughEveryRecordOnceAndBack()
    {
        var community = await PopulatedCommunityAsync();
        await using var context = await ledger.NewContextAsync(width: 360);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/community/{community.Id}?limit=500");
        var everything = await PagedLinesAsync(page);
        Assert.Equal(0, await page.Locator("nav.pager a").CountAsync());

        await page.GotoAsync($"/community/{community.Id}?limit=2");
        Assert.Equal(0, await page.Locator("a[rel=prev]").CountAsync());
        var pages = new List<string[]> { await PagedLinesAsync(page) };
        while (await page.Locator("a[rel=next]").CountAsync() > 0)
        {
            await page.Locator("a[rel=next]").ClickAsync();
            pages.Add(await PagedLinesAsync(page));
        }

        Assert.True(pages.Count >= 3, $"only {pages.Count} pages");
        var paged = pages.SelectMany(p => p).ToList();
        Assert.Equal(paged.Count, paged.Distinct().Count());
        Assert.Equal(everything.Order(StringComparer.Ordinal), paged.Order(StringComparer.Ordinal));
        await page.Locator("a[rel=prev]").ClickAsync();
        Assert.Equal(pages[^2], await PagedLinesAsync(page));
        Assert.Contains("limit=2", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AVolunteerChecksTheirOwnHoursWithTheFormOnThePage()
    {
        var worker = ledger.Factory.ClientFor(Roles.CommunityWorker);
        var bank = new Projections.TimeBank("demo-community-committee");
        await bank.CreditAsync(worker, await Projections.TimeBank.SecondWorkerAsync(ledger.Factory, bank.Organisation), 1.5m);
        var statement = await (await worker.PostAsync($"/api/v1/community/{bank.Organisation}/timebank/{bank.VolunteerRef}/statement", content: null))
            .Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        await using var context = await ledger.NewContextAsync(width: 360);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/community/{bank.Organisation}");

        await page.Locator("#volunteerRef").FillAsync(bank.VolunteerRef);
        await page.Locator("#secret").FillAsync(statement.GetProperty("checkSecret").GetString()!);
        await page.Locator("#self-check button").ClickAsync();

        Assert.Contains("/self-check", page.Url, StringComparison.Ordinal);
        Assert.Contains("1.5 小时", await page.Locator(".balance").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(3, await page.Locator("li a").CountAsync());
    }

    [Fact]
    public async Task AnUnknownCommunityIsA404Page()
    {
        var answer = await ledger.Factory.CreateClient().GetAsync("/community/no-such-community");

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Equal("text/html", answer.Content.Headers.ContentType?.MediaType);
    }

    // The paged lines: every record line outside the fund's current month, which shows on every page.
    private static Task<string[]> PagedLinesAsync(Microsoft.Playwright.IPage page) =>
        page.Locator("#time-bank li a, #decisions li a, #objections li a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");

    private async Task<TestCommunity> PopulatedCommunityAsync()
    {
        var factory = ledger.Factory;
        var community = await TestCommunity.CreateAsync(factory);
        var income = await Samples.SubmitAsync(community.Recorder, TestCommunity.Income("2000.00", DateTimeOffset.UtcNow));
        Assert.Equal(HttpStatusCode.Created, (await community.ExpenseAsync("200.00")).StatusCode);
        var now = DateTimeOffset.UtcNow;
        await Samples.SubmitAsync(community.Recorder, new JsonObject
        {
            ["domain"] = "shared-community",
            ["type"] = "proposal",
            ["occurredAt"] = Timestamps.Format(now),
            ["payload"] = new JsonObject
            {
                ["proposalRef"] = "P-2026-07", ["title"] = "Install a bicycle shelter", ["text"] = "By gate 2.",
                ["options"] = new JsonArray("for", "against"), ["opensAt"] = Timestamps.Format(now.AddMinutes(-1)),
                ["closesAt"] = Timestamps.Format(now.AddDays(1)), ["ballot"] = "open", ["quorum"] = 1,
            },
        });
        await Samples.SubmitAsync(community.Recorder, new JsonObject
        {
            ["domain"] = "shared-community", ["type"] = "household", ["occurredAt"] = Timestamps.Format(now),
            ["payload"] = new JsonObject { ["householdRef"] = "HH-gate-two", ["registeredOn"] = "2026-10-01" },
        });
        var vote = await community.FirstApprover.PostAsJsonAsync($"/api/v1/community/{community.Id}/proposals/P-2026-07/votes",
            new { householdRef = "HH-gate-two", choice = "for" });
        Assert.Equal(HttpStatusCode.Created, vote.StatusCode);
        var resident = factory.CreateClient();
        resident.DefaultRequestHeaders.Add("X-Api-Key", await factory.CreateKeyAsync(Roles.Resident, community.Id));
        var objection = await resident.PostAsJsonAsync("/api/v1/community/objections",
            new { entry = income.GetProperty("recordHash").GetString(), reason = "The receipt shows 1900.00." });
        Assert.Equal(HttpStatusCode.Created, objection.StatusCode);
        return community;
    }
}
