using System.Text.Json;
using Ledger.Core.Encoding;
using Ledger.Testing;

namespace Ledger.Api.Tests.Chain;

/// <summary>
/// Moving to another LedgerAnchor (an upgrade to 2.0.0, or a new deployment) anchors every batch again there with
/// every issuer key registered, so old records verify against the new contract; a 1.0.0 contract is refused.
/// </summary>
public sealed class ContractMoveTests
{
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
                var client = await ExternalChain.InspectorClientAsync(first);
                recordHash = (await Samples.SubmitAsync(client, Samples.Inspection())).GetProperty("recordHash").GetString()!;
                old = await first.WaitForStatusAsync(recordHash, "confirmed");
            }
            var moved = await chain.Node.DeployLedgerAnchorAsync(1);
            var settings = chain.Settings();
            settings["Chain:ContractAddress"] = moved.Address;

            await using var second = new LedgerApiFactory(data, settings);
            var bundle = await second.WaitForConfirmationOnAsync(recordHash, moved.Address);

            var anchor = bundle.GetProperty("anchor");
            Assert.Equal(moved.Address, anchor.GetProperty("contract").GetString());
            Assert.NotEqual(old.GetProperty("anchor").GetProperty("txHash").GetString(), anchor.GetProperty("txHash").GetString());
            Assert.True(await moved.VerifyAsync(Hex.Decode(recordHash), [.. bundle.GetProperty("merkle").GetProperty("proof").EnumerateArray().Select(p => Hex.Decode(p.GetString()!))],
                Hex.Decode(bundle.GetProperty("merkle").GetProperty("root").GetString()!)));
            var signer = bundle.GetProperty("issuer").GetProperty("address").GetString()!;
            Assert.True(await moved.IsIssuerKeyValidAtAsync(ExternalChain.Organisation, signer, anchor.GetProperty("blockNumber").GetUInt64()));
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
    public async Task ARotatedKeyStaysValidOnTheNewContractForExactlyTheRecordsItSigned()
    {
        await using var chain = await ExternalChain.StartAsync();
        var data = Path.Combine(Path.GetTempPath(), "ledger-move-rotated-" + Guid.NewGuid().ToString("N"));
        try
        {
            var before = await SubmitAndConfirmAsync(data, chain.Settings());
            var rotated = await Cli.CliApp.RunAsync(["orgs", "rotate-key", "--data-dir", data, "--org", ExternalChain.Organisation], TextWriter.Null, TextWriter.Null);
            Assert.Equal(0, rotated);
            var after = await SubmitAndConfirmAsync(data, chain.Settings());
            var moved = await chain.Node.DeployLedgerAnchorAsync(1);
            var settings = chain.Settings();
            settings["Chain:ContractAddress"] = moved.Address;

            await using var second = new LedgerApiFactory(data, settings);
            var oldProof = await second.WaitForConfirmationOnAsync(before, moved.Address);
            var newProof = await second.WaitForConfirmationOnAsync(after, moved.Address);

            var (oldKey, oldBlock) = SignerAndBlock(oldProof);
            var (newKey, newBlock) = SignerAndBlock(newProof);
            Assert.NotEqual(oldKey, newKey);
            Assert.True(await moved.IsIssuerKeyValidAtAsync(ExternalChain.Organisation, oldKey, oldBlock));
            Assert.True(await moved.IsIssuerKeyValidAtAsync(ExternalChain.Organisation, newKey, newBlock));
            Assert.False(await moved.IsIssuerKeyValidAtAsync(ExternalChain.Organisation, oldKey, newBlock + 1));
        }
        finally
        {
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    private static async Task<string> SubmitAndConfirmAsync(string data, Dictionary<string, string?> settings)
    {
        await using var factory = new LedgerApiFactory(data, settings);
        var client = await ExternalChain.InspectorClientAsync(factory);
        var recordHash = (await Samples.SubmitAsync(client, Samples.Inspection())).GetProperty("recordHash").GetString()!;
        await factory.WaitForStatusAsync(recordHash, "confirmed");
        return recordHash;
    }

    private static (string Signer, ulong Block) SignerAndBlock(JsonElement proof) =>
        (proof.GetProperty("issuer").GetProperty("address").GetString()!, proof.GetProperty("anchor").GetProperty("blockNumber").GetUInt64());

    [Fact]
    public async Task AVersionOneContractWithoutTheIssuerRegistryStopsStartupWithAClearMessage()
    {
        await using var chain = await ExternalChain.StartAsync();
        var v1 = await DeployVersionOneAsync(chain.Node);
        var settings = chain.Settings();
        settings["Chain:ContractAddress"] = v1;
        var failure = await LedgerApiFactory.StartupErrorAsync(settings);

        Assert.Contains("is version 1.0.0", failure);
        Assert.Contains("issuer key registry", failure);
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
