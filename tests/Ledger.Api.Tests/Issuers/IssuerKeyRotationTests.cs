using System.Net.Http.Json;
using System.Text.Json;
using Ledger.Api.Access;
using Ledger.Cli;

namespace Ledger.Api.Tests.Issuers;

/// <summary>
/// `ledger orgs rotate-key` retires an organisation's key: the retirement is anchored on chain, records it signed
/// stay verifiable, and the organisation's next record is signed by a new key registered in the same way.
/// </summary>
public sealed class IssuerKeyRotationTests
{
    private const string Market = "demo-market-supervision-bureau";

    [Fact]
    public async Task ARotatedKeyIsRetiredOnChainAfterItsLastRecordAndANewKeySignsFromThen()
    {
        var data = Path.Combine(Path.GetTempPath(), "ledger-rotation-" + Guid.NewGuid().ToString("N"));
        try
        {
            JsonElement before;
            await using (var first = new LedgerApiFactory(data))
            {
                var accepted = await Samples.SubmitAsync(first.ClientFor(Roles.Inspector), Samples.Inspection());
                before = await first.WaitForStatusAsync(accepted.GetProperty("recordHash").GetString()!, "anchored", "confirmed");
            }
            var oldKey = before.GetProperty("issuer").GetProperty("address").GetString()!;

            var (output, error) = (new StringWriter(), new StringWriter());
            var code = await CliApp.RunAsync(["orgs", "rotate-key", "--data-dir", data, "--org", Market], output, error);
            Assert.True(code == 0, error.ToString());
            Assert.Contains(oldKey, output.ToString());

            await using var second = new LedgerApiFactory(data);
            var next = await Samples.SubmitAsync(second.ClientFor(Roles.Inspector), Samples.Inspection());
            var after = await second.WaitForStatusAsync(next.GetProperty("recordHash").GetString()!, "anchored", "confirmed");
            var newKey = after.GetProperty("issuer").GetProperty("address").GetString()!;
            var contract = (await second.ChainAsync()).Contract;
            var retirementBlock = after.GetProperty("anchor").GetProperty("blockNumber").GetUInt64();

            Assert.NotEqual(oldKey, newKey);
            Assert.Equal(retirementBlock, (await contract.IssuerKeyAsync(Market, oldKey)).ValidUntilBlock);
            Assert.True(await contract.IsIssuerKeyValidAtAsync(Market, oldKey, before.GetProperty("anchor").GetProperty("blockNumber").GetUInt64()));
            Assert.False(await contract.IsIssuerKeyValidAtAsync(Market, oldKey, retirementBlock + 1));
            Assert.True(await contract.IsIssuerKeyValidAtAsync(Market, newKey, retirementBlock));
            var keys = (await second.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/issuers")).GetProperty("organisations")
                .EnumerateArray().Single(o => o.GetProperty("organisation").GetString() == Market).GetProperty("keys").EnumerateArray().ToList();
            Assert.Equal([(newKey, "registered"), (oldKey, "retired")],
                keys.Select(k => (k.GetProperty("address").GetString()!, k.GetProperty("status").GetString()!)));
            var (verifyCode, verifyOutput) = await LedgerVerify.RunAsync(second, before);
            Assert.True(verifyCode == 0, verifyOutput);
        }
        finally
        {
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    [Fact]
    public async Task RotatingTheKeyOfAnUnknownOrganisationIsRefused()
    {
        var data = Directory.CreateTempSubdirectory("ledger-rotation-").FullName;
        try
        {
            await using (var factory = new LedgerApiFactory(data))
            {
                _ = factory.KeyFor(Roles.Inspector);
            }
            var (output, error) = (new StringWriter(), new StringWriter());

            var code = await CliApp.RunAsync(["orgs", "rotate-key", "--data-dir", data, "--org", "no-such-bureau"], output, error);

            Assert.Equal(CliApp.Invalid, code);
            Assert.Contains("there is no organisation 'no-such-bureau'", error.ToString());
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
