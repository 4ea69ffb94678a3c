using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ledger.Chain;
using Ledger.Chain.Attestation;
using Ledger.Core.Encoding;
using Ledger.Core.Merkle;
using Ledger.Core.Proofs;
using Ledger.Core.Records;
using Xunit;

namespace Ledger.Testing;

/// <summary>
/// Genuine proof bundles, made the way the service makes them: real record envelopes hashed with their salts, signed
/// with an issuer key, batched in a Merkle tree whose root a freshly deployed LedgerAnchor anchors on a real anvil.
/// Also the decoys a hostile bundle might point at: an impostor LedgerAnchor, contracts that answer nonsense, and a
/// transaction that anchored nothing. Each test class gets its own (xunit class fixture). Shared by the verifier
/// library's tests and the `ledger verify` tests, which each run their verifier against <see cref="Node"/>.
/// </summary>
public sealed class AnchoredBundles : IAsyncLifetime
{
    public const string Organisation = "test-market-supervision-bureau";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private AnvilNode? _node;

    public AnvilNode Node => _node ?? throw new InvalidOperationException("Not started.");

    public string Rpc => Node.RpcUrl.ToString();

    /// <summary>The issuing organisation's signing key.</summary>
    public EthereumKey IssuerKey { get; } = EthereumKey.Generate();

    /// <summary>The key the impostor registered for the same organisation name on its own contract.</summary>
    public EthereumKey ImpostorIssuerKey { get; } = EthereumKey.Generate();

    /// <summary>The ledger's LedgerAnchor (EIP-55).</summary>
    public string Contract { get; private set; } = "";

    /// <summary>Record 0 of a three-record batch, so its proof has two hashes. Status confirmed.</summary>
    public string Signed { get; private set; } = "";

    /// <summary>The other record hashes of that batch.</summary>
    public IReadOnlyList<string> Siblings { get; private set; } = [];

    /// <summary>The only record of a second batch: root = leaf, empty proof.</summary>
    public string SingleRecordBatch { get; private set; } = "";

    /// <summary>A signed record the service has accepted but not anchored: no merkle, no anchor, status pending.</summary>
    public string Pending { get; private set; } = "";

    /// <summary>A forged record, "signed" by another key in the organisation's name and anchored by someone else's LedgerAnchor.</summary>
    public string Impostor { get; private set; } = "";

    /// <summary>Someone else's LedgerAnchor, deployed by another account.</summary>
    public string ImpostorContract { get; private set; } = "";

    /// <summary>A real, successful transaction that anchored nothing.</summary>
    public string TransferTx { get; private set; } = "";

    /// <summary>Code that answers every call with the word 2^64 − 1.</summary>
    public string JunkContract { get; } = "0x00000000000000000000000000000000000a11ce";

    /// <summary>Code that answers every call with nothing.</summary>
    public string SilentContract { get; } = "0x000000000000000000000000000000000000babe";

    /// <summary>Code that reverts every call.</summary>
    public string RevertingContract { get; } = "0x000000000000000000000000000000000000dead";

    public async Task InitializeAsync()
    {
        _node = await AnvilNode.StartAsync();
        var ledger = await Node.DeployLedgerAnchorAsync(0);
        Contract = ledger.Address;
        var sender = Node.Sender(0);

        var batch = Enumerable.Range(0, 3).Select(_ => Record()).ToList();
        var bundles = await AnchorAsync(ledger, sender, batch, IssuerKey, Organisation);
        // In a 3-leaf tree one leaf has a 1-hash proof and two have 2: take one with two, so every proof index exists.
        var chosen = Enumerable.Range(0, batch.Count).First(i => Parse(bundles[i])["merkle"]!["proof"]!.AsArray().Count == 2);
        Signed = bundles[chosen];
        Siblings = [.. batch.Where((_, i) => i != chosen).Select(h => Hex.Encode(h))];
        SingleRecordBatch = (await AnchorAsync(ledger, sender, [Record()], IssuerKey, Organisation))[0];
        var pending = Record();
        Pending = Serialize(new ProofBundle
        {
            Format = ProofBundle.CurrentFormat,
            RecordHash = Hex.Encode(pending),
            Status = RecordStatus.Pending,
            Issuer = new IssuerSection(Organisation, IssuerKey.Address, IssuerSignature.Sign(IssuerKey, pending)),
        });
        TransferTx = (await sender.SendAsync(AnvilNode.DevKeys[2].Address, [], Timeout)).TransactionHash;

        var impostor = await Node.DeployLedgerAnchorAsync(1);
        ImpostorContract = impostor.Address;
        Impostor = (await AnchorAsync(impostor, Node.Sender(1), [Record()], ImpostorIssuerKey, Organisation))[0];

        await Node.RpcAsync("anvil_setCode", JunkContract, "0x67ffffffffffffffff60005260206000f3");
        await Node.RpcAsync("anvil_setCode", SilentContract, "0x00");
        await Node.RpcAsync("anvil_setCode", RevertingContract, "0x60006000fd");
    }

    /// <summary>A bundle as a mutable JSON object.</summary>
    public static JsonObject Parse(string bundle) => JsonNode.Parse(bundle)!.AsObject();

    public async Task DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }
    }

    private async Task<List<string>> AnchorAsync(
        LedgerAnchorContract contract, TransactionSender sender, List<byte[]> recordHashes, EthereumKey issuer, string organisation)
    {
        var tree = MerkleTree.Build(recordHashes);
        // As the service does: the issuer's key is registered for its organisation in the anchoring transaction.
        var receipt = await sender.SendAsync(contract.Address,
            LedgerAnchorContract.EncodeAnchor(tree.Root, (ulong)recordHashes.Count, [new IssuerKeyChange(organisation, issuer.Address, Retire: false)]), Timeout);
        var anchored = contract.FindRootAnchored(receipt) ?? throw new InvalidOperationException("The fixture's anchor emitted no RootAnchored.");
        var anchor = new AnchorSection(Node.ChainId, contract.Address, anchored.TransactionHash, anchored.BlockNumber, anchored.BlockHash,
            anchored.BatchId.ToString(System.Globalization.CultureInfo.InvariantCulture), await contract.AnchoredAtAsync(tree.Root));
        return [.. recordHashes.Select(hash => Serialize(new ProofBundle
        {
            Format = ProofBundle.CurrentFormat,
            RecordHash = Hex.Encode(hash),
            Status = RecordStatus.Confirmed,
            Merkle = new MerkleSection(Hex.Encode(tree.Root), [.. tree.GetProof(hash).Select(p => Hex.Encode(p))]),
            Anchor = anchor,
            Issuer = new IssuerSection(organisation, issuer.Address, IssuerSignature.Sign(issuer, hash)),
        }))];
    }

    // The service writes bundles with ASP.NET Core's web JSON settings, which these are.
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
}
