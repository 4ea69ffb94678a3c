using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Ledger.Api.Tests.PublicPages;

/// <summary>
/// Pictures of the verify page for the README: every state, in Chinese and English, at phone and desktop width, each
/// brought about for real as the status tests do. Run by <c>scripts/screenshots</c> (which installs a Chinese font and
/// sets <c>LEDGER_SCREENSHOTS</c> to the folder to write); skipped otherwise, since it checks nothing the status
/// tests do not.
/// </summary>
public sealed class VerifyPageScreenshots(BrowserLedger ledger) : IClassFixture<BrowserLedger>
{
    // A phone's width with the first screenful below the heading (the verdict and the first details), and a desktop's.
    private static readonly (string Name, int Width, int Height)[] Sizes = [("phone", 360, 560), ("desktop", 1024, 640)];

    [ScreenshotFact]
    public async Task EveryStateInBothLanguagesAtPhoneAndDesktopWidth()
    {
        var folder = Environment.GetEnvironmentVariable(ScreenshotFactAttribute.Variable)!;
        Directory.CreateDirectory(folder);
        var states = await StatesAsync();

        foreach (var (name, width, height) in Sizes)
        {
            foreach (var lang in new[] { "zh", "en" })
            {
                await using var context = await ledger.NewContextAsync(width: width);
                foreach (var (state, (verdict, open)) in states)
                {
                    var page = await open(context, lang);
                    await page.SetViewportSizeAsync(width, height);
                    // The verdict at the top of the picture, as a visitor sees it once the page has checked.
                    await page.EvaluateAsync("() => document.getElementById('result').scrollIntoView({ block: 'start' })");
                    Assert.Equal(verdict, await page.Locator("main").GetAttributeAsync("data-verdict"));
                    await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{state}-{lang}-{name}.png") });
                    await page.CloseAsync();
                }
            }
        }
    }

    private delegate Task<IPage> Opener(IBrowserContext context, string lang);

    // Each state: the verdict its page shows, and how to open it.
    private async Task<Dictionary<string, (string Verdict, Opener Open)>> StatesAsync()
    {
        var (confirmed, _) = await ledger.ConfirmedInspectionAsync("L-SHOT-OK");
        var revoked = await ledger.RevokedInspectionAsync("L-SHOT-REVOKED", "issued-in-error");
        var (superseded, _) = await ledger.CorrectedInspectionAsync("L-SHOT-OLD");
        var erased = await ledger.ErasedVolunteerServiceAsync("V-SHOT-ERASE");
        var pendingView = JsonNode.Parse((await ledger.PublicViewAsync(confirmed)).GetRawText())!.AsObject();
        pendingView["status"] = "pending";
        pendingView["anchor"] = null;
        var tampered = JsonNode.Parse(await ledger.Factory.CreateClient().GetStringAsync($"/api/v1/proofs/{confirmed}"))!.AsObject();
        tampered["merkle"]!["root"] = "0x" + new string('3', 64);

        Opener At(string hash) => (context, lang) => BrowserLedger.OpenAsync(context, $"/v/{hash}?lang={lang}");
        return new()
        {
            ["authentic"] = ("ok", At(confirmed)),
            ["pending"] = ("warn", async (context, lang) =>
            {
                var page = await context.NewPageAsync();
                // Pending lasts a moment here: the service's answer with the status changed on the way, as in the tests.
                await page.RouteAsync($"**/api/v1/verify/{confirmed}", route => route.FulfillAsync(new() { Json = pendingView }));
                await page.GotoAsync($"/v/{confirmed}?lang={lang}");
                await BrowserLedger.WaitUntilCheckedAsync(page);
                return page;
            }),
            ["superseded"] = ("warn", At(superseded)),
            ["revoked"] = ("warn", At(revoked)),
            ["erased"] = ("warn", At(erased)),
            ["not-found"] = ("bad", At("0x" + new string('7', 64))),
            ["tampered"] = ("bad", async (context, lang) =>
            {
                var page = await BrowserLedger.OpenAsync(context, $"/verify?lang={lang}");
                await page.EvaluateAsync("() => { document.querySelector('main').dataset.state = 'checking'; }");
                await page.SetInputFilesAsync("#files", new FilePayload { Name = "proof.json", MimeType = "application/json", Buffer = Encoding.UTF8.GetBytes(tampered.ToJsonString()) });
                await BrowserLedger.WaitUntilCheckedAsync(page);
                return page;
            }),
        };
    }
}

/// <summary>A fact that runs only when <see cref="Variable"/> names a folder to write screenshots to.</summary>
public sealed class ScreenshotFactAttribute : FactAttribute
{
    /// <summary>The environment variable scripts/screenshots sets.</summary>
    public const string Variable = "LEDGER_SCREENSHOTS";

    public ScreenshotFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)))
        {
            Skip = $"writes docs/screenshots: run scripts/screenshots (sets {Variable})";
        }
    }
}
