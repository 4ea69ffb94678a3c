using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ledger.Chain;
using Ledger.Chain.Attestation;
using Ledger.Cli.Verification;
using Ledger.Core.Encoding;
using Ledger.Core.Hashing;
using Ledger.Core.Merkle;
using Ledger.Core.Proofs;
using Ledger.Core.Records;
using Ledger.Testing;

namespace Ledger.Cli.Tests.Verification;

/// <summary>
/// Writes tests/fixtures/pre-nethereum/ with the hand-written Ledger.Chain (before the move to Nethereum): proof bundles
/// anchored on anvil, the JSON-RPC answers `ledger verify` got for them, issuer signatures and the signed anchoring
/// transactions. Runs only when LEDGER_WRITE_PRE_NETHEREUM_FIXTURE names the output folder; kept for one commit only,
/// as the record of how the fixture was made.
/// </summary>
public sealed class PreNethereumFixtureWriter
{
    private const string Organisation = "fixture-market-supervision-bureau";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerOptions.Web) { WriteIndented = true };

    [Fact]
    public async Task WritesTheFixtureWhenAsked()
    {
        var folder = Environment.GetEnvironmentVariable("LEDGER_WRITE_PRE_NETHEREUM_FIXTURE");
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }
        Directory.CreateDirectory(folder);
        var issuer = EthereumKey.FromPrivateKey(Keccak256.Hash("ledger pre-nethereum fixture issuer"u8));
        await using var node = await AnvilNode.StartAsync();
        var contract = await node.DeployLedgerAnchorAsync(0);
        var sender = node.Sender(0);
        var transactions = new JsonArray();

        var bundles = new List<string>();
        bundles.AddRange(await AnchorAsync(node, contract, sender, [Record(), Record(), Record()], issuer, register: true, transactions));
        bundles.AddRange(await AnchorAsync(node, contract, sender, [Record()], issuer, register: false, transactions));
        var pending = Record();
        bundles.Add(Serialize(new ProofBundle
        {
            Format = ProofBundle.CurrentFormat,
            RecordHash = Hex.Encode(pending),
            Status = RecordStatus.Pending,
            Issuer = new IssuerSection(Organisation, issuer.Address, IssuerSignature.Sign(issuer, pending)),
        }));

        // What `ledger verify` asks the chain for each bundle, and what it concluded, recorded at the JSON-RPC wire.
        var recorder = new RecordingHandler(new HttpClientHandler());
        using var http = new HttpClient(recorder);
        var verification = new ProofVerification(new JsonRpcChainClient(http, node.RpcUrl), new IssuerCheck(false), contract.Address);
        var outcomes = new JsonArray();
        foreach (var bundle in bundles)
        {
            var reading = BundleReader.Read(Encoding.UTF8.GetBytes(bundle));
            var outcome = await verification.CheckAsync(reading.Bundle!, CancellationToken.None);
            outcomes.Add(new JsonObject { ["exitCode"] = outcome.ExitCode, ["message"] = outcome.Message });
        }

        var signatures = new JsonArray();
        for (var i = 0; i < 64; i++)
        {
            var hash = i switch { 0 => new byte[32], 1 => Enumerable.Repeat((byte)0xff, 32).ToArray(), _ => RandomNumberGenerator.GetBytes(32) };
            signatures.Add(new JsonObject { ["recordHash"] = Hex.Encode(hash), ["signature"] = IssuerSignature.Sign(issuer, hash) });
        }
        var legacy = new LegacyTransaction(31337, 7, 5_000_000_000, 60_000, contract.Address, 0,
            LedgerAnchorContract.EncodeAnchor(Keccak256.Hash("legacy"u8), 1)).Sign(AnvilNode.DevKeys[0]);
        transactions.Add(new JsonObject
        {
            ["type"] = 0, ["chainId"] = "31337", ["nonce"] = "7", ["gasPrice"] = "5000000000", ["gasLimit"] = "60000",
            ["to"] = contract.Address, ["data"] = Hex.Encode(LedgerAnchorContract.EncodeAnchor(Keccak256.Hash("legacy"u8), 1)),
            ["raw"] = Hex.Encode(legacy.Raw), ["hash"] = legacy.Hash, ["from"] = AnvilNode.DevKeys[0].Address,
        });

        await Write(folder, "bundles.json", new JsonObject
        {
            ["contract"] = contract.Address,
            ["bundles"] = new JsonArray([.. bundles.Select(b => JsonNode.Parse(b))]),
            ["outcomes"] = outcomes,
        });
        await Write(folder, "rpc-answers.json", new JsonObject { ["rpcUrl"] = node.RpcUrl.ToString(), ["answers"] = recorder.Answers });
        await Write(folder, "signatures.json", new JsonObject
        {
            ["privateKey"] = issuer.ExportPrivateKey(),
            ["address"] = issuer.Address,
            ["signatures"] = signatures,
        });
        await Write(folder, "transactions.json", new JsonObject { ["transactions"] = transactions });
    }

    private static async Task<List<string>> AnchorAsync(AnvilNode node, LedgerAnchorContract contract, TransactionSender sender,
        List<byte[]> recordHashes, EthereumKey issuer, bool register, JsonArray transactions)
    {
        var tree = MerkleTree.Build(recordHashes);
        IssuerKeyChange[] changes = register ? [new IssuerKeyChange(Organisation, issuer.Address, Retire: false)] : [];
        var data = LedgerAnchorContract.EncodeAnchor(tree.Root, (ulong)recordHashes.Count, changes);
        var tx = await sender.PrepareAsync(contract.Address, data);
        await sender.BroadcastAsync(tx);
        var receipt = await sender.WaitForReceiptAsync(tx.Hash, Timeout);
        transactions.Add(new JsonObject
        {
            ["type"] = 2, ["chainId"] = node.ChainId.ToString(CultureInfo.InvariantCulture), ["nonce"] = tx.Nonce.ToString(CultureInfo.InvariantCulture),
            ["maxFeePerGas"] = tx.MaxFeePerGas.ToString(CultureInfo.InvariantCulture),
            ["maxPriorityFeePerGas"] = tx.MaxPriorityFeePerGas.ToString(CultureInfo.InvariantCulture),
            ["gasLimit"] = tx.GasLimit.ToString(CultureInfo.InvariantCulture), ["to"] = contract.Address, ["data"] = Hex.Encode(data),
            ["raw"] = Hex.Encode(tx.Raw), ["hash"] = tx.Hash, ["from"] = sender.Address,
        });
        var anchored = contract.FindRootAnchored(receipt) ?? throw new InvalidOperationException("No RootAnchored.");
        var anchor = new AnchorSection(node.ChainId, contract.Address, anchored.TransactionHash, anchored.BlockNumber, anchored.BlockHash,
            anchored.BatchId.ToString(CultureInfo.InvariantCulture), await contract.AnchoredAtAsync(tree.Root));
        return [.. recordHashes.Select(hash => Serialize(new ProofBundle
        {
            Format = ProofBundle.CurrentFormat,
            RecordHash = Hex.Encode(hash),
            Status = RecordStatus.Confirmed,
            Merkle = new MerkleSection(Hex.Encode(tree.Root), [.. tree.GetProof(hash).Select(p => Hex.Encode(p))]),
            Anchor = anchor,
            Issuer = new IssuerSection(Organisation, issuer.Address, IssuerSignature.Sign(issuer, hash)),
        }))];
    }

    private static async Task Write(string folder, string name, JsonNode content) =>
        await File.WriteAllTextAsync(Path.Combine(folder, name), content.ToJsonString(Indented) + "\n");

    private static string Serialize(ProofBundle bundle) => JsonSerializer.Serialize(bundle, JsonSerializerOptions.Web);

    private static byte[] Record() => RecordCommitment.Hash(new RecordEnvelope
    {
        Version = RecordEnvelope.CurrentVersion,
        Domain = "food-safety",
        Type = "inspection",
        Id = Guid.NewGuid().ToString("D"),
        Issuer = Organisation,
        OccurredAt = "2026-11-20T01:30:00.000Z",
        Payload = new JsonObject
        {
            ["enterprise"] = new JsonObject { ["name"] = "Green Valley Vegetables Co." },
            ["product"] = "Spinach",
            ["lot"] = "L-2026-1122-01",
            ["inspectionKind"] = "rapid-test",
            ["result"] = "pass",
        },
        Salt = Hex.Encode(RandomNumberGenerator.GetBytes(EnvelopeRules.SaltBytes)),
    });

    /// <summary>Keeps each JSON-RPC request's method and params with the node's result.</summary>
    private sealed class RecordingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        public JsonArray Answers { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var requestBody = JsonNode.Parse(await request.Content!.ReadAsStringAsync(ct))!;
            var response = await base.SendAsync(request, ct);
            var responseBody = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!;
            Answers.Add(new JsonObject
            {
                ["method"] = requestBody["method"]!.DeepClone(),
                ["params"] = requestBody["params"]!.DeepClone(),
                ["result"] = responseBody["result"]?.DeepClone(),
            });
            response.Content = new StringContent(responseBody.ToJsonString(), Encoding.UTF8, "application/json");
            return response;
        }
    }
}
