using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Ledger.Core.Hashing;
using Ledger.Testing;

namespace Ledger.Api.Tests.PublicPages;

/// <summary>
/// Fit for an isolated network and for every visitor: nothing loads from another origin, the strict policy is never
/// broken, the pages are small, fit a 360-px phone, work from the keyboard and pass axe-core; the browser's keccak is
/// the pinned npm package, unmodified, and agrees with the service's.
/// </summary>
public sealed class PageHygieneTests(BrowserLedger ledger) : IClassFixture<BrowserLedger>
{
    [Fact]
    public async Task ThePageTalksOnlyToTheServiceAndThePublishedChainNodeAndBreaksNoPolicy()
    {
        var (hash, _) = await ledger.ConfirmedInspectionAsync("L-ORIGINS");
        await using var context = await ledger.NewContextAsync();
        var origins = new List<string>();
        context.Request += (_, request) => origins.Add(new Uri(request.Url).GetLeftPart(UriPartial.Authority));
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Type is "error" or "warning") problems.Add(message.Text); };
        page.PageError += (_, error) => problems.Add(error);

        await page.GotoAsync($"/v/{hash}");
        await BrowserLedger.WaitUntilCheckedAsync(page);

        var rpc = ledger.RpcUrl.GetLeftPart(UriPartial.Authority);
        Assert.All(origins, o => Assert.Contains(o, new[] { ledger.BaseUrl, rpc }));
        Assert.Contains(rpc, origins); // the chain was asked by the browser itself
        Assert.Empty(problems);
        var policy = (await page.Context.APIRequest.GetAsync($"/v/{hash}")).Headers["content-security-policy"];
        Assert.Equal($"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self' {rpc}; " +
            "frame-ancestors 'none'; base-uri 'none'; form-action 'self'", policy);
    }

    [Fact]
    public async Task APageWeighsUnder100KilobytesBeforeTheProof()
    {
        var (hash, _) = await ledger.ConfirmedInspectionAsync("L-WEIGHT");
        await using var context = await ledger.NewContextAsync();
        var page = await context.NewPageAsync();
        var sizes = new List<Task<int>>();
        page.Response += (_, response) =>
        {
            if (response.Url.StartsWith(ledger.BaseUrl, StringComparison.Ordinal) && !response.Url.Contains("/api/", StringComparison.Ordinal))
            {
                sizes.Add(response.BodyAsync().ContinueWith(b => b.Result.Length, TaskScheduler.Default));
            }
        };

        await page.GotoAsync($"/v/{hash}");
        await BrowserLedger.WaitUntilCheckedAsync(page);

        Assert.InRange((await Task.WhenAll(sizes)).Sum(), 1, 100 * 1024);
    }

    [Fact]
    public async Task OnA360PixelPhoneNothingScrollsSideways()
    {
        var (hash, _) = await ledger.ConfirmedInspectionAsync("L-PHONE");
        // Sentences that hold whole hashes must wrap too: a revoked record's links the revocation, a mismatch names roots.
        var revoked = await ledger.RevokedInspectionAsync("L-PHONE-REVOKED", "withdrawn");
        var (tampered, _) = await ledger.ConfirmedInspectionAsync("L-PHONE-TAMPERED");
        var bundle = JsonNode.Parse(await ledger.Factory.CreateClient().GetStringAsync($"/api/v1/proofs/{tampered}"))!;
        bundle["merkle"]!["root"] = "0x" + new string('3', 64);
        await using var context = await ledger.NewContextAsync(width: 360);
        await context.RouteAsync($"**/api/v1/proofs/{tampered}", route => route.FulfillAsync(new() { Json = bundle }));

        var pages = new[]
        {
            ("ok", await BrowserLedger.OpenAsync(context, $"/v/{hash}")),
            ("warn", await BrowserLedger.OpenAsync(context, $"/v/{revoked}?lang=en")),
            ("bad", await BrowserLedger.OpenAsync(context, $"/v/{tampered}?lang=en")),
        };

        foreach (var (verdict, page) in pages)
        {
            Assert.Equal(verdict, await page.Locator("main").GetAttributeAsync("data-verdict"));
            Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 360, page.Url);
        }
    }

    [Fact]
    public async Task AHashTypedAndSentFromTheKeyboardOpensItsPage()
    {
        var (hash, _) = await ledger.ConfirmedInspectionAsync("L-KEYBOARD");
        await using var context = await ledger.NewContextAsync();
        var page = await BrowserLedger.OpenAsync(context, "/verify");

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("lang", await page.EvaluateAsync<string>("() => document.activeElement.className"));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("hash", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Keyboard.TypeAsync(hash);
        await page.Keyboard.PressAsync("Enter");
        // Polls the address: WaitForURLAsync checks it and then subscribes to navigations, and a redirect that commits
        // in between (it is fast) was never seen, which failed this test now and then.
        await Microsoft.Playwright.Assertions.Expect(page).ToHaveURLAsync(
            new Regex($"/v/{hash}\\?lang=zh$"), new() { Timeout = 90_000 });
        await BrowserLedger.WaitUntilCheckedAsync(page);

        Assert.StartsWith("真实有效。", await BrowserLedger.SentenceAsync(page));
    }

    [Theory]
    [InlineData("/v/{hash}")]
    [InlineData("/v/{hash}?lang=en")]
    [InlineData("/verify")]
    [InlineData("/v/{hash}/receipt")]
    public async Task AxeFindsNoSeriousOrCriticalViolations(string path)
    {
        var (hash, _) = await ledger.ConfirmedInspectionAsync("L-AXE-" + path.GetHashCode(StringComparison.Ordinal));
        await using var context = await ledger.NewContextAsync();
        var page = await BrowserLedger.OpenAsync(context, path.Replace("{hash}", hash, StringComparison.Ordinal));

        var result = await page.RunAxe();

        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }

    [Fact]
    public void TheServedKeccakIsThePinnedNpmPackageUnmodified()
    {
        var vendored = Path.Combine(RepositoryPaths.Root, "src", "Ledger.Api", "PublicPages", "Assets", "vendor", "noble-hashes");
        var package = Path.Combine(RepositoryPaths.NodeModules, "@noble", "hashes");

        Assert.Contains("\"@noble/hashes\": \"2.4.0\"", File.ReadAllText(Path.Combine(RepositoryPaths.Root, "package.json")));
        Assert.Contains("\"version\": \"2.4.0\"", File.ReadAllText(Path.Combine(package, "package.json")));
        foreach (var file in new[] { "sha3.js", "utils.js", "_u64.js", "LICENSE" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(package, file)), File.ReadAllBytes(Path.Combine(vendored, file)));
        }
    }

    [Fact]
    public async Task TheBrowsersKeccakAndFoldAgreeWithTheServiceAndTheProofFormatsWorkedExample()
    {
        await using var context = await ledger.NewContextAsync();
        var page = await BrowserLedger.OpenAsync(context, "/verify");
        var inputs = Enumerable.Range(0, 300).Select(n => Enumerable.Range(0, n).Select(i => (byte)((i * 31 + n * 7) & 0xff)).ToArray()).ToList();

        var browser = await page.EvaluateAsync<string[]>("""
            async inputs => {
              const { keccakHex, hexToBytes } = await import('/verify/assets/proof.js');
              return inputs.map(hex => keccakHex(hexToBytes(hex)));
            }
            """, inputs.Select(i => "0x" + Convert.ToHexStringLower(i)).ToArray());
        var root = await page.EvaluateAsync<string>("""
            async () => (await import('/verify/assets/proof.js')).fold(
              '0x5ddac0b37ed0e08c56b3769b136b276ee720989546861d9c326d8571ccae601e',
              ['0x534afc8420bab6c013a3e42dc77ef141e8f16ee0206928dd007663e9c85068dd'])
            """);

        Assert.Equal(inputs.Select(i => "0x" + Convert.ToHexStringLower(Keccak256.Hash(i))), browser);
        Assert.Equal("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470", browser[0]);
        Assert.Equal("0x7d21b8345064540fbbd2e566de804c8d24584717f0b8fa3c493d2c9cf2334f2b", root); // docs/proof-format.md §3
    }
}
