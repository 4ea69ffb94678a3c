using System.Globalization;
using System.Text.Json.Nodes;

namespace Ledger.Api.Tests.PublicPages;

/// <summary>
/// Each state a record can be in reads as one plain sentence, in Chinese by default and in English when asked — read
/// by a real Chromium from the real service. Pending lasts only a moment here, so that one state is the service's real
/// answer with the status changed on the way to the browser; every other state is brought about for real.
/// </summary>
public sealed class VerifyPageStatusTests(BrowserLedger ledger) : IClassFixture<BrowserLedger>
{
    public static TheoryData<string, string> Languages => new()
    {
        { "zh", "真实有效。由Xihu" },
        { "en", "Authentic. Issued by Xihu" },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task AConfirmedRecordIsAuthenticAndEveryChainCheckRanInTheBrowser(string lang, string start)
    {
        var (hash, _) = await ledger.ConfirmedInspectionAsync($"L-PAGE-OK-{lang}");
        await using var context = await ledger.NewContextAsync();

        var page = await BrowserLedger.OpenAsync(context, $"/v/{hash}?lang={lang}");

        var sentence = await BrowserLedger.SentenceAsync(page);
        Assert.StartsWith(start, sentence);
        Assert.Contains(lang == "zh" ? "记录在Anvil（链 31337）第" : "recorded on Anvil (chain 31337) in block", sentence);
        Assert.Equal("ok", await page.Locator("main").GetAttributeAsync("data-verdict"));
        foreach (var check in new[] { "merkle", "chainId", "contract", "anchoredAt", "log", "block" })
        {
            var row = page.Locator($"#checks tr[data-check={check}]");
            Assert.Equal("browser", await row.GetAttributeAsync("data-where"));
            Assert.Equal("pass", await row.GetAttributeAsync("data-outcome"));
        }
        Assert.Equal("server", await page.Locator("#checks tr[data-check=status]").GetAttributeAsync("data-where"));
        Assert.Equal(lang == "zh" ? "zh-CN" : "en", await page.Locator("html").GetAttributeAsync("lang"));
    }

    [Fact]
    public async Task ABrowserThatPrefersEnglishGetsEnglishAndTheSwitchGoesBackToChinese()
    {
        var (hash, _) = await ledger.ConfirmedInspectionAsync("L-PAGE-ACCEPT");
        await using var context = await ledger.NewContextAsync(locale: "en-US");

        var page = await BrowserLedger.OpenAsync(context, $"/v/{hash}");
        Assert.StartsWith("Authentic.", await BrowserLedger.SentenceAsync(page));

        await page.ClickAsync("header a.lang");
        await BrowserLedger.WaitUntilCheckedAsync(page);
        Assert.StartsWith("真实有效。", await BrowserLedger.SentenceAsync(page));
        Assert.EndsWith($"/v/{hash}?lang=zh", page.Url);
    }

    [Theory]
    [InlineData("zh", "签发机关已于", "（原因：签发有误）")]
    [InlineData("en", "Revoked by its issuer on", "(reason: issued in error)")]
    public async Task ARevokedRecordSaysWhenWhyAndLinksTheRevocation(string lang, string start, string reason)
    {
        var hash = await ledger.RevokedInspectionAsync($"L-PAGE-REVOKE-{lang}", "issued-in-error");
        var revokedBy = (await ledger.PublicViewAsync(hash)).GetProperty("revocation").GetProperty("revokedBy").GetString();
        await using var context = await ledger.NewContextAsync();

        var page = await BrowserLedger.OpenAsync(context, $"/v/{hash}?lang={lang}");

        var sentence = await BrowserLedger.SentenceAsync(page);
        Assert.StartsWith(start, sentence);
        Assert.Contains(reason, sentence);
        Assert.Equal($"/v/{revokedBy}?lang={lang}", await page.Locator("#verdict .sentence a").GetAttributeAsync("href"));
        Assert.Equal("warn", await page.Locator("main").GetAttributeAsync("data-verdict"));
    }

    [Theory]
    [InlineData("zh", "内容已依法删除（例如应当事人的请求）；这个哈希仍能证明该记录曾经存在且未被改动。")]
    [InlineData("en", "The content was erased as the law provides (for example at the data subject's request); this hash still proves the record existed and was not changed.")]
    public async Task AnErasedRecordSaysItsContentIsGoneAndItsHashStillProvesIt(string lang, string expected)
    {
        var hash = await ledger.ErasedVolunteerServiceAsync($"V-ERASE-{lang.ToUpperInvariant()}");
        await using var context = await ledger.NewContextAsync();

        var page = await BrowserLedger.OpenAsync(context, $"/v/{hash}?lang={lang}");

        Assert.Equal(expected, await BrowserLedger.SentenceAsync(page));
        Assert.Equal("pass", await page.Locator("#checks tr[data-check=merkle]").GetAttributeAsync("data-outcome"));
    }

    [Theory]
    [InlineData("zh", "已于", "秒内记录到区块链上。")]
    [InlineData("en", "Received on ", "seconds.")]
    public async Task APendingRecordSaysWhenItWasReceivedAndThatItWillBeOnTheChainSoon(string lang, string start, string end)
    {
        var (hash, _) = await ledger.ConfirmedInspectionAsync($"L-PAGE-PENDING-{lang}");
        var view = JsonNode.Parse((await ledger.PublicViewAsync(hash)).GetRawText())!.AsObject();
        view["status"] = "pending";
        view["anchor"] = null;
        await using var context = await ledger.NewContextAsync();
        await context.RouteAsync($"**/api/v1/verify/{hash}", route => route.FulfillAsync(new() { Json = view }));

        var page = await BrowserLedger.OpenAsync(context, $"/v/{hash}?lang={lang}");

        var sentence = await BrowserLedger.SentenceAsync(page);
        Assert.StartsWith(start, sentence);
        Assert.EndsWith(end, sentence);
        Assert.Equal("warn", await page.Locator("main").GetAttributeAsync("data-verdict"));
    }

    [Theory]
    [InlineData("zh", "这条记录已于", "被一条新记录取代。它签发时是真实的；请以新记录为准：")]
    [InlineData("en", "Replaced by a newer record on ", "This one was authentic when issued; rely on the newer record: ")]
    public async Task ACorrectedRecordSaysWhenItWasReplacedAndLinksTheNewerOne(string lang, string start, string middle)
    {
        var (hash, newer) = await ledger.CorrectedInspectionAsync($"L-PAGE-OLD-{lang}");
        var supersession = (await ledger.PublicViewAsync(hash)).GetProperty("supersession");
        Assert.Equal(newer, supersession.GetProperty("supersededBy").GetString());
        await using var context = await ledger.NewContextAsync();

        var page = await BrowserLedger.OpenAsync(context, $"/v/{hash}?lang={lang}");

        var sentence = await BrowserLedger.SentenceAsync(page);
        Assert.StartsWith(start, sentence);
        Assert.Contains(middle + newer, sentence);
        var day = supersession.GetProperty("supersededAt").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(8));
        Assert.Contains(lang == "zh" ? $"{day.Year}年{day.Month}月{day.Day}日" : day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture), sentence);
        Assert.Equal("warn", await page.Locator("main").GetAttributeAsync("data-verdict"));
        Assert.Equal("pass", await page.Locator("#checks tr[data-check=anchoredAt]").GetAttributeAsync("data-outcome"));
        Assert.Equal($"/v/{newer}?lang={lang}", await page.Locator("#verdict .sentence a").GetAttributeAsync("href"));
        await page.ClickAsync("#verdict .sentence a");
        await BrowserLedger.WaitUntilCheckedAsync(page);
        Assert.EndsWith($"/v/{newer}?lang={lang}", page.Url);
        Assert.Equal("ok", await page.Locator("main").GetAttributeAsync("data-verdict"));
    }

    [Theory]
    [InlineData("zh", "这里没有哈希为 0x", "这不是记录哈希")]
    [InlineData("en", "No record with the hash 0x", "This is not a record hash")]
    public async Task AnUnknownHashIsNotFoundAndAMalformedOneIsExplained(string lang, string notFound, string malformed)
    {
        await using var context = await ledger.NewContextAsync();
        var unknown = "0x" + new string('7', 64);

        var missing = await BrowserLedger.OpenAsync(context, $"/v/{unknown}?lang={lang}");
        var bad = await BrowserLedger.OpenAsync(context, $"/v/0x1234?lang={lang}");

        Assert.StartsWith(notFound, await BrowserLedger.SentenceAsync(missing));
        Assert.StartsWith(malformed, await BrowserLedger.SentenceAsync(bad));
        Assert.Equal("bad", await bad.Locator("main").GetAttributeAsync("data-verdict"));
        Assert.Equal("0x1234", await bad.Locator("#hash").InputValueAsync());
    }
}
