using System.Text;
using System.Text.Json.Nodes;
using Ledger.Api.Access;
using Ledger.Api.Tests.Issuers;
using Ledger.Cli;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Ledger.Api.Tests.PublicPages;

/// <summary>
/// The browser, not the service, has the last word on a proof: a proof that does not fold or does not match the chain
/// fails in the page even while the service says the record is confirmed; files dropped in are checked the same way,
/// and the proof file the page offers for download is one both the page and <c>ledger verify</c> accept.
/// </summary>
public sealed class BrowserProofCheckTests(BrowserLedger ledger) : IClassFixture<BrowserLedger>
{
    [Fact]
    public async Task AProofTamperedInTheServicesOwnDatabaseFailsInTheBrowserWhileTheServiceSaysConfirmed()
    {
        var (hash, _) = await ledger.ConfirmedInspectionAsync("L-TAMPER-DB");
        // Failure injection: the stored Merkle path now leads elsewhere; the service goes on answering "confirmed".
        await ledger.Factory.QueryAsync(db => db.Records.Where(r => r.RecordHash == hash)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.MerkleProofJson, $"[\"0x{new string('1', 64)}\"]")));
        Assert.Equal("confirmed", (await ledger.PublicViewAsync(hash)).GetProperty("status").GetString());
        await using var context = await ledger.NewContextAsync();

        var page = await BrowserLedger.OpenAsync(context, $"/v/{hash}?lang=en");

        Assert.StartsWith("Does not match. Your browser folded the proof from the record hash and reached the root 0x", await BrowserLedger.SentenceAsync(page));
        Assert.Equal("bad", await page.Locator("main").GetAttributeAsync("data-verdict"));
        Assert.Equal("fail", await page.Locator("#checks tr[data-check=merkle]").GetAttributeAsync("data-outcome"));
        Assert.Equal("skip", await page.Locator("#checks tr[data-check=anchoredAt]").GetAttributeAsync("data-outcome"));
    }

    public static TheoryData<string, string, string> ChainTampering => new()
    {
        { "timestamp", "anchoredAt", "The contract says the root 0x" },
        { "contract", "contract", "The proof names the contract 0x000000000000000000000000000000000000dEaD" },
        { "txHash", "log", "The anchoring transaction 0x" },
        { "blockHash", "log", "The anchoring transaction 0x" },
    };

    [Theory]
    [MemberData(nameof(ChainTampering))]
    public async Task AnAnchorTheChainDoesNotBearOutFailsTheBrowsersChainCheck(string field, string check, string why)
    {
        var (hash, _) = await ledger.ConfirmedInspectionAsync($"L-TAMPER-{field}");
        var bundle = JsonNode.Parse(await ledger.Factory.CreateClient().GetStringAsync($"/api/v1/proofs/{hash}"))!.AsObject();
        var anchor = bundle["anchor"]!.AsObject();
        anchor[field] = field switch
        {
            "timestamp" => anchor["timestamp"]!.GetValue<long>() + 1,
            "contract" => "0x000000000000000000000000000000000000dEaD",
            _ => "0x" + new string('2', 64),
        };
        await using var context = await ledger.NewContextAsync();
        await context.RouteAsync($"**/api/v1/proofs/{hash}", route => route.FulfillAsync(new() { Json = bundle }));

        var page = await BrowserLedger.OpenAsync(context, $"/v/{hash}?lang=en");

        Assert.StartsWith($"Does not match. {why}", await BrowserLedger.SentenceAsync(page));
        Assert.Equal("pass", await page.Locator("#checks tr[data-check=merkle]").GetAttributeAsync("data-outcome"));
        Assert.Equal("fail", await page.Locator($"#checks tr[data-check={check}]").GetAttributeAsync("data-outcome"));
    }

    [Fact]
    public async Task ADroppedProofFileIsCheckedInTheBrowserAndATamperedCopyFails()
    {
        var (hash, _) = await ledger.ConfirmedInspectionAsync("L-DROP-BUNDLE");
        var text = await ledger.Factory.CreateClient().GetStringAsync($"/api/v1/proofs/{hash}");
        var tampered = JsonNode.Parse(text)!.AsObject();
        tampered["merkle"]!["root"] = "0x" + new string('3', 64);
        await using var context = await ledger.NewContextAsync();
        var page = await BrowserLedger.OpenAsync(context, "/verify?lang=zh");

        await DropAsync(page, ("proof.json", text));
        Assert.StartsWith("真实有效。", await BrowserLedger.SentenceAsync(page));
        Assert.Equal("pass", await page.Locator("#checks tr[data-check=block]").GetAttributeAsync("data-outcome"));

        await DropAsync(page, ("proof-tampered.json", tampered.ToJsonString()));
        Assert.StartsWith("不一致。您的浏览器从记录哈希折叠证明", await BrowserLedger.SentenceAsync(page));
    }

    [Fact]
    public async Task ARecordFileWithItsSaltIsHashedInTheBrowserAndAChangedOneDoesNotMatchItsProof()
    {
        var (hash, id) = await ledger.ConfirmedInspectionAsync("L-DROP-RECORD");
        var envelope = JsonNode.Parse(await ledger.Factory.ClientFor(Roles.Inspector).GetStringAsync($"/api/v1/records/{id}"))!["envelope"]!.AsObject();
        var salt = envelope["salt"]!.GetValue<string>();
        envelope.Remove("salt");
        var proof = await ledger.Factory.CreateClient().GetStringAsync($"/api/v1/proofs/{hash}");
        await using var context = await ledger.NewContextAsync();
        var page = await BrowserLedger.OpenAsync(context, "/verify?lang=en");

        await page.FillAsync("#salt", salt);
        await DropAsync(page, ("record.json", envelope.ToJsonString()));
        Assert.StartsWith("Authentic.", await BrowserLedger.SentenceAsync(page));
        Assert.Equal("pass", await page.Locator("#checks tr[data-check=recordFile]").GetAttributeAsync("data-outcome"));
        Assert.Equal(hash, await page.Locator("#details dd.code").First.InnerTextAsync());

        envelope["payload"]!["result"] = "fail";
        await DropAsync(page, ("record.json", envelope.ToJsonString()), ("proof.json", proof));
        Assert.StartsWith($"Does not match. Your record file hashes to 0x", await BrowserLedger.SentenceAsync(page));
        Assert.Contains($"but the hash being verified is {hash}", await BrowserLedger.SentenceAsync(page));
    }

    [Theory]
    [InlineData("zh", "下载证明文件")]
    [InlineData("en", "Download the proof")]
    public async Task TheProofDownloadedFromThePageVerifiesWithLedgerVerifyAndInThePage(string lang, string button)
    {
        var (hash, _) = await ledger.ConfirmedInspectionAsync($"L-DOWNLOAD-{lang}");
        await using var context = await ledger.NewContextAsync();
        var page = await BrowserLedger.OpenAsync(context, $"/v/{hash}?lang={lang}");
        var link = page.Locator("#download");
        Assert.Equal(button, await link.InnerTextAsync());
        Assert.True(await link.IsVisibleAsync());

        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var file = Path.Combine(ledger.Factory.DataDirectory, download.SuggestedFilename);
        await download.SaveAsAsync(file);

        Assert.Equal($"proof-{hash[..10]}.json", download.SuggestedFilename);
        Assert.Equal("ledger-proof/v1", JsonNode.Parse(await File.ReadAllTextAsync(file))!["format"]!.GetValue<string>());
        var (code, output) = await LedgerVerify.RunFileAsync(ledger.Factory, file);
        Assert.True(code == CliApp.Valid, output);
        var fresh = await BrowserLedger.OpenAsync(context, $"/verify?lang={lang}");
        await DropAsync(fresh, (download.SuggestedFilename, await File.ReadAllTextAsync(file)));
        Assert.Equal("ok", await fresh.Locator("main").GetAttributeAsync("data-verdict"));
    }

    // Through the file input, as a drop hands the same files to the same code; then waits for the new verdict.
    private static async Task DropAsync(IPage page, params (string Name, string Json)[] files)
    {
        await page.EvaluateAsync("() => { document.querySelector('main').dataset.state = 'checking'; }");
        await page.SetInputFilesAsync("#files", files.Select(f => new FilePayload { Name = f.Name, MimeType = "application/json", Buffer = Encoding.UTF8.GetBytes(f.Json) }));
        await BrowserLedger.WaitUntilCheckedAsync(page);
    }
}
