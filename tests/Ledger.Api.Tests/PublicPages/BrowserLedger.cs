using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ledger.Api.Access;
using Microsoft.Playwright;

namespace Ledger.Api.Tests.PublicPages;

/// <summary>
/// The real service on Kestrel at a free loopback port (a browser needs a socket), with its embedded anvil, and one
/// headless Debian Chromium driven by Playwright — one of each per test class; each test opens its own browser context.
/// </summary>
public sealed class BrowserLedger : IAsyncLifetime
{
    /// <summary>What QR codes and receipts print: a public address, not the loopback one the tests browse.</summary>
    public const string PublicBaseUrl = "https://ledger.example.gov.cn";

    /// <summary>Debian's Chromium, installed by scripts/bootstrap; Playwright's own browser download does not work here.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly int _port = FreePort();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public BrowserLedger()
    {
        Factory = new LedgerApiFactory(settings: new Dictionary<string, string?>
        {
            ["Urls"] = $"http://127.0.0.1:{_port}",
            ["Public:BaseUrl"] = PublicBaseUrl,
        });
        Factory.UseKestrel();
    }

    public LedgerApiFactory Factory { get; }

    /// <summary>Where the browser reaches the service.</summary>
    public string BaseUrl => $"http://127.0.0.1:{_port}";

    /// <summary>The embedded anvil's URL, which the page publishes to the browser as the chain node.</summary>
    public Uri RpcUrl { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: run scripts/bootstrap, which installs Debian's chromium.");
        Factory.StartServer();
        RpcUrl = (await Factory.ChainAsync()).RpcUrl;
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Args = ["--no-sandbox", "--disable-gpu"],
        });
    }

    /// <summary>A fresh context (cookies, cache, routes) in the given browser language, Beijing time, a desktop or phone width.</summary>
    public async Task<IBrowserContext> NewContextAsync(string locale = "zh-CN", int width = 1024)
    {
        var context = await _browser!.NewContextAsync(new()
        {
            BaseURL = BaseUrl,
            Locale = locale,
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new() { Width = width, Height = 900 },
            AcceptDownloads = true,
        });
        // Bounds on waiting, not expectations of speed: a loaded CI machine can take longer than Playwright's 30 s
        // default to load a page whose script checks a proof against the chain.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        return context;
    }

    /// <summary>Opens a page and waits until its script has finished checking (main[data-state=done]).</summary>
    public static async Task<IPage> OpenAsync(IBrowserContext context, string path)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await WaitUntilCheckedAsync(page);
        return page;
    }

    public static Task WaitUntilCheckedAsync(IPage page) =>
        page.WaitForSelectorAsync("main[data-state=done]", new() { Timeout = 90_000 });

    public static Task<string> SentenceAsync(IPage page) => page.Locator("#verdict .sentence").InnerTextAsync();

    /// <summary>Submits an inspection (L1) and waits until it is confirmed; returns its hash and id.</summary>
    public async Task<(string Hash, string Id)> ConfirmedInspectionAsync(string lot)
    {
        var accepted = await Samples.SubmitAsync(Factory.ClientFor(Roles.Inspector), Samples.Inspection(lot));
        var hash = accepted.GetProperty("recordHash").GetString()!;
        await Factory.WaitForStatusAsync(hash, "confirmed");
        return (hash, accepted.GetProperty("id").GetString()!);
    }

    /// <summary>A confirmed inspection revoked by its inspector for the reason given; returns its hash.</summary>
    public async Task<string> RevokedInspectionAsync(string lot, string reasonCode)
    {
        var (hash, _) = await ConfirmedInspectionAsync(lot);
        using var revoked = await Factory.ClientFor(Roles.Inspector)
            .PostAsJsonAsync($"/api/v1/records/{hash}/revocation", new JsonObject { ["reasonCode"] = reasonCode });
        Assert.True(revoked.IsSuccessStatusCode, await revoked.Content.ReadAsStringAsync());
        return hash;
    }

    /// <summary>A confirmed inspection corrected by a newer one (a submission with supersedes), both confirmed.</summary>
    public async Task<(string Old, string Newer)> CorrectedInspectionAsync(string lot)
    {
        var (hash, _) = await ConfirmedInspectionAsync(lot);
        var correction = Samples.Inspection($"{lot}-CORRECTED");
        correction["supersedes"] = hash;
        var newer = (await Samples.SubmitAsync(Factory.ClientFor(Roles.Inspector), correction)).GetProperty("recordHash").GetString()!;
        await Factory.WaitForStatusAsync(newer, "confirmed");
        return (hash, newer);
    }

    /// <summary>A confirmed volunteer-service record whose subject's payloads were then erased; returns its hash.</summary>
    public async Task<string> ErasedVolunteerServiceAsync(string subject)
    {
        var submission = Samples.VolunteerService();
        submission["payload"]!["volunteerRef"] = subject;
        var worker = Factory.ClientFor(Roles.CommunityWorker);
        var hash = (await Samples.SubmitAsync(worker, submission)).GetProperty("recordHash").GetString()!;
        await Factory.WaitForStatusAsync(hash, "confirmed");
        using var erased = await worker.PostAsJsonAsync("/api/v1/erasures", new JsonObject
        {
            ["domain"] = "shared-community", ["subjectRef"] = subject, ["legalBasis"] = "pipl-47-deletion-request",
        });
        Assert.True(erased.IsSuccessStatusCode, await erased.Content.ReadAsStringAsync());
        return hash;
    }

    /// <summary>The service's public view of a record, as the page fetches it.</summary>
    public async Task<JsonElement> PublicViewAsync(string hash) =>
        JsonDocument.Parse(await Factory.CreateClient().GetStringAsync($"/api/v1/verify/{hash}")).RootElement.Clone();

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
        await Factory.DisposeAsync();
        Factory.DeleteData();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
