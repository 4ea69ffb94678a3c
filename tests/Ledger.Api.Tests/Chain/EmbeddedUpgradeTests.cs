using System.Text.Json;
using Ledger.Api.Access;
using Ledger.Api.Tests.Issuers;
using Ledger.Chain;
using Ledger.Cli;
using Ledger.Core.Encoding;
using Ledger.Data;
using Ledger.Testing;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Tests.Chain;

/// <summary>
/// A data folder whose embedded chain holds LedgerAnchor 1.0.0 (no issuer registry): the service deploys 2.0.0, anchors
/// every batch again there with every issuer key registered, and the record's fresh proof verifies in full; a proof
/// kept from 1.0.0 still shows its anchor but cannot prove its issuer.
/// </summary>
public sealed class EmbeddedUpgradeTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AnEmbeddedChainWithLedgerAnchorOneIsUpgradedAndItsRecordsAnchoredAgainWithTheirIssuersRegistered()
    {
        var data = Path.Combine(Path.GetTempPath(), "ledger-upgrade-" + Guid.NewGuid().ToString("N"));
        try
        {
            string recordHash;
            string v1;
            JsonElement v1Bundle;
            await using (var first = new LedgerApiFactory(data))
            {
                recordHash = (await Samples.SubmitAsync(first.ClientFor(Roles.Inspector), Samples.Inspection())).GetProperty("recordHash").GetString()!;
                var bundle = await first.WaitForStatusAsync(recordHash, "confirmed");
                (v1, v1Bundle) = await AnchorOnVersionOneAsync(await first.ChainAsync(), bundle);
            }
            await PointBatchesAtAsync(data, v1Bundle);

            await using var second = new LedgerApiFactory(data);
            var chain = await second.ChainAsync();
            var upgraded = await second.WaitForConfirmationOnAsync(recordHash, chain.Contract.Address);

            Assert.NotEqual(v1, chain.Contract.Address);
            Assert.Equal(LedgerAnchorAbi.CurrentVersion, await chain.Contract.VersionAsync());
            var (code, output) = await LedgerVerify.RunAsync(second, upgraded);
            Assert.True(code == CliApp.Valid, output);
            Assert.Contains("Signed by \"demo-market-supervision-bureau\"", output);
            var (oldCode, oldOutput) = await LedgerVerify.RunAsync(second, v1Bundle);
            Assert.Equal(CliApp.IssuerNotProven, oldCode);
            Assert.Contains("has no issuer registry", oldOutput);
        }
        finally
        {
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    // What a 1.0.0 service did: deploy LedgerAnchor 1.0.0 and anchor the batch's root there (from another dev account,
    // so the service's own nonces are untouched). Returns its address and the record's proof as 1.0.0 would have made it.
    private static async Task<(string Contract, JsonElement Bundle)> AnchorOnVersionOneAsync(Ledger.Api.Chain.ConnectedChain chain, JsonElement bundle)
    {
        var sender = new TransactionSender(chain.Client, AnvilNode.DevKeys[1], chain.ChainId, AnvilNode.DevFees, TimeProvider.System);
        using var artifact = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "LedgerAnchor-1.0.0.json")));
        var account = sender.Address;
        byte[] deploy = [.. Hex.Decode(artifact.RootElement.GetProperty("bytecode").GetString()!), .. new Nethereum.ABI.ABIEncode().GetABIEncoded(new Nethereum.ABI.ABIValue("address", account), new Nethereum.ABI.ABIValue("address", account))];
        var v1 = (await sender.SendAsync(null, deploy, Timeout)).ContractAddress!;
        var root = Hex.Decode(bundle.GetProperty("merkle").GetProperty("root").GetString()!);
        var receipt = await sender.SendAsync(v1, LedgerAnchorContract.EncodeAnchor(root, 1UL), Timeout);
        var anchored = new LedgerAnchorContract(chain.Client, v1).FindRootAnchored(receipt)!;
        var node = System.Text.Json.Nodes.JsonNode.Parse(bundle.GetRawText())!.AsObject();
        var anchor = node["anchor"]!.AsObject();
        anchor["contract"] = v1;
        anchor["txHash"] = receipt.TransactionHash;
        anchor["blockNumber"] = receipt.BlockNumber;
        anchor["blockHash"] = receipt.BlockHash;
        anchor["batchId"] = anchored.BatchId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        anchor["timestamp"] = await new LedgerAnchorContract(chain.Client, v1).AnchoredAtAsync(root);
        return (v1, JsonDocument.Parse(node.ToJsonString()).RootElement.Clone());
    }

    // The database as the 1.0.0 service left it: its embedded contract and its batch on 1.0.0.
    private static async Task PointBatchesAtAsync(string data, JsonElement v1Bundle)
    {
        var anchor = v1Bundle.GetProperty("anchor");
        var options = new DbContextOptionsBuilder<LedgerDbContext>().UseSqlite($"Data Source={Path.Combine(data, "ledger.db")};Pooling=False").Options;
        await using var db = new LedgerDbContext(options);
        var contract = anchor.GetProperty("contract").GetString()!;
        await db.Settings.Where(s => s.Key == "embedded-chain:contract").ExecuteUpdateAsync(s => s.SetProperty(x => x.Value, contract));
        var batch = await db.Batches.SingleAsync();
        batch.Contract = contract;
        batch.TxHash = anchor.GetProperty("txHash").GetString();
        batch.BlockNumber = anchor.GetProperty("blockNumber").GetUInt64();
        batch.BlockHash = anchor.GetProperty("blockHash").GetString();
        batch.ChainBatchId = anchor.GetProperty("batchId").GetString();
        batch.AnchoredAt = anchor.GetProperty("timestamp").GetInt64();
        await db.SaveChangesAsync();
    }

}
