using System.Text.Json;
using Ledger.Api.Access;
using Ledger.Core.Encoding;
using Ledger.Data.Organisations;
using Ledger.Testing;

namespace Ledger.Api.Tests.Chain;

/// <summary>
/// Moving to another LedgerAnchor (an upgrade to 2.0.0, or a new deployment) anchors every batch again there with
/// every issuer key registered, so old records verify against the new contract; a 1.0.0 contract is refused.
/// </summary>
public sealed class ContractMoveTests
{
    private const string Organisation = "external-market-bureau";

    [Fact]
    public async Task BatchesAnchoredOnTheOldContractAreAnchoredAgainOnTheNewOneWithTheirIssuersRegistered()
    {
        await using var chain = await ExternalChain.StartAsync();
        var data = Path.Combine(Path.GetTempPath(), "ledger-move-" + Guid.NewGuid().ToString("N"));
        try
        {
            JsonElement old;
            string recordHash;
            await using (var first = new LedgerApiFactory(data, chain.Settings()))
            {
                var client = await InspectorClientAsync(first);
                recordHash = (await Samples.SubmitAsync(client, Samples.Inspection())).GetProperty("recordHash").GetString()!;
                old = await first.WaitForStatusAsync(recordHash, "confirmed");
            }
            var moved = await chain.Node.DeployLedgerAnchorAsync(1);
            var settings = chain.Settings();
            settings["Chain:ContractAddress"] = moved.Address;

            await using var second = new LedgerApiFactory(data, settings);
            var bundle = await ConfirmedOnAsync(second, recordHash, moved.Address);

            var anchor = bundle.GetProperty("anchor");
            Assert.Equal(moved.Address, anchor.GetProperty("contract").GetString());
            Assert.NotEqual(old.GetProperty("anchor").GetProperty("txHash").GetString(), anchor.GetProperty("txHash").GetString());
            Assert.True(await moved.VerifyAsync(Hex.Decode(recordHash), [.. bundle.GetProperty("merkle").GetProperty("proof").EnumerateArray().Select(p => Hex.Decode(p.GetString()!))],
                Hex.Decode(bundle.GetProperty("merkle").GetProperty("root").GetString()!)));
            var signer = bundle.GetProperty("issuer").GetProperty("address").GetString()!;
            Assert.True(await moved.IsIssuerKeyValidAtAsync(Organisation, signer, anchor.GetProperty("blockNumber").GetUInt64()));
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
    public async Task AVersionOneContractWithoutTheIssuerRegistryStopsStartupWithAClearMessage()
    {
        await using var chain = await ExternalChain.StartAsync();
        var v1 = await DeployVersionOneAsync(chain.Node);
        var settings = chain.Settings();
        settings["Chain:ContractAddress"] = v1;
        var factory = new LedgerApiFactory(settings: settings);
        try
        {
            var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

            Assert.Contains("is version 1.0.0", failure.ToString());
            Assert.Contains("issuer key registry", failure.ToString());
        }
        finally
        {
            try
            {
                await factory.DisposeAsync();
            }
            catch (Exception)
            {
                // A host that failed to start may also fail to stop; the assertion above is what matters.
            }
            factory.DeleteData();
        }
    }

    // The old proof reads confirmed until the new instance's first anchoring cycle moves its batch: wait for the new one.
    private static async Task<JsonElement> ConfirmedOnAsync(LedgerApiFactory factory, string recordHash, string contract)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var bundle = await factory.WaitForStatusAsync(recordHash, "confirmed");
            if (bundle.GetProperty("anchor").GetProperty("contract").GetString() == contract)
            {
                return bundle;
            }
            Assert.True(DateTime.UtcNow < deadline, $"Record {recordHash} was not anchored on {contract} within 30 s.");
            await Task.Delay(100);
        }
    }

    private static async Task<HttpClient> InspectorClientAsync(LedgerApiFactory factory)
    {
        await factory.QueryAsync(async db =>
        {
            await new OrganisationRegistry(db, TimeProvider.System)
                .EnsureAsync(Organisation, "External Market Supervision Bureau", OrganisationKinds.MarketSupervision, "330106", default);
            return 0;
        });
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", await factory.CreateKeyAsync(Roles.Inspector, Organisation));
        return client;
    }

    // LedgerAnchor 1.0.0 as this project last deployed it, kept as a fixture: constructor(address admin, address anchorer).
    private static async Task<string> DeployVersionOneAsync(AnvilNode node)
    {
        using var artifact = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "LedgerAnchor-1.0.0.json")));
        var account = AnvilNode.DevKeys[1].Address;
        byte[] deploy = [.. Hex.Decode(artifact.RootElement.GetProperty("bytecode").GetString()!), .. new Nethereum.ABI.ABIEncode().GetABIEncoded(new Nethereum.ABI.ABIValue("address", account), new Nethereum.ABI.ABIValue("address", account))];
        var receipt = await node.Sender(1).SendAsync(null, deploy, TimeSpan.FromSeconds(30));
        return receipt.ContractAddress!;
    }
}
