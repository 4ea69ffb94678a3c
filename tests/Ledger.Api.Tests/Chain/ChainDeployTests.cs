using Ledger.Api.Access;
using Ledger.Chain;
using Ledger.Chain.Embedded;
using Ledger.Cli;
using Ledger.Testing;

namespace Ledger.Api.Tests.Chain;

/// <summary>
/// `ledger chain deploy` on a real anvil writes deployments/&lt;chainId&gt;.json, and a service given only that file
/// (Chain:Deployment) finds the contract and anchors on it; a record is never overwritten, and a file for another chain
/// stops the start.
/// </summary>
public sealed class ChainDeployTests : IAsyncLifetime
{
    private const int DeployerKey = 1;
    private readonly string _folder = Directory.CreateTempSubdirectory("ledger-deploy-").FullName;
    private AnvilNode _node = null!;

    private string Keystore => Path.Combine(_folder, "deployer.json");
    private string Passphrase => Path.Combine(_folder, "passphrase.txt");
    private string Deployments => Path.Combine(_folder, "deployments");

    public async Task InitializeAsync()
    {
        _node = await AnvilNode.StartAsync();
        Ledger.Chain.Keystore.Write(AnvilNode.DevKeys[DeployerKey], "deploy passphrase", Keystore);
        await File.WriteAllTextAsync(Passphrase, "deploy passphrase\n");
    }

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task ADeployedContractIsRecordedAndTheServiceAnchorsOnItFromTheRecordAlone()
    {
        var (code, output) = await DeployAsync();
        var file = Path.Combine(Deployments, "31337.json");
        var record = DeploymentRecord.Parse(await File.ReadAllTextAsync(file));

        Assert.True(code == CliApp.Valid, output);
        Assert.Contains($"wrote {file}", output);
        Assert.Equal((31337UL, LedgerAnchorAbi.CurrentVersion, DeploymentRecord.CurrentArtifactHash), (record.ChainId, record.Version, record.ArtifactHash));
        Assert.Equal(AnvilNode.DevKeys[DeployerKey].Address, record.Anchorer);
        Assert.NotEmpty(await _node.Client.GetCodeAsync(record.Address));
        Assert.Equal(record.BlockNumber, (await _node.Client.GetTransactionReceiptAsync(record.TransactionHash))!.BlockNumber);

        var factory = new LedgerApiFactory(settings: new Dictionary<string, string?>
        {
            ["Chain:RpcUrl"] = _node.RpcUrl.ToString(),
            ["Chain:Deployment"] = file,
            ["Chain:PrivateKey"] = AnvilProcess.DevPrivateKeys[DeployerKey],
        });
        try
        {
            var client = await InspectorAsync(factory);
            var accepted = await Samples.SubmitAsync(client, Samples.Inspection());
            var bundle = await factory.WaitForStatusAsync(accepted.GetProperty("recordHash").GetString()!, "confirmed");

            Assert.Equal(record.Address, bundle.GetProperty("anchor").GetProperty("contract").GetString());
        }
        finally
        {
            await factory.DisposeAsync();
            factory.DeleteData();
        }
    }

    [Fact]
    public async Task ARecordedDeploymentIsNeverOverwritten()
    {
        await DeployAsync();
        var first = await File.ReadAllTextAsync(Path.Combine(Deployments, "31337.json"));
        var nonce = await _node.Client.GetTransactionCountAsync(AnvilNode.DevKeys[DeployerKey].Address, pending: false);

        var (code, output) = await DeployAsync();

        Assert.Equal(CliApp.Usage, code);
        Assert.Contains("already has a recorded deployment", output);
        Assert.Equal(first, await File.ReadAllTextAsync(Path.Combine(Deployments, "31337.json")));
        Assert.Equal(nonce, await _node.Client.GetTransactionCountAsync(AnvilNode.DevKeys[DeployerKey].Address, pending: false));
    }

    [Fact]
    public async Task ANodeOfAnotherChainDeploysNothing()
    {
        var (code, output) = await DeployAsync("--chain-id", "1");

        Assert.Equal(CliApp.Invalid, code);
        Assert.Contains("serves chain 31337, not 1; nothing was deployed", output);
        Assert.False(Directory.Exists(Deployments));
    }

    [Fact]
    public async Task ADeploymentRecordOfAnotherChainThanChainIdStopsTheStart()
    {
        await DeployAsync();

        var error = await LedgerApiFactory.StartupErrorAsync(new Dictionary<string, string?>
        {
            ["Chain:RpcUrl"] = _node.RpcUrl.ToString(),
            ["Chain:ChainId"] = "5",
            ["Chain:Deployment"] = Path.Combine(Deployments, "31337.json"),
            ["Chain:PrivateKey"] = AnvilProcess.DevPrivateKeys[DeployerKey],
        });

        Assert.Contains("Chain:ChainId is 5 but Chain:Deployment", error);
        Assert.Contains("records chain 31337", error);
    }

    private async Task<(int Code, string Output)> DeployAsync(params string[] overrides)
    {
        var args = new List<string>
        {
            "chain", "deploy", "--rpc", _node.RpcUrl.ToString(), "--keystore", Keystore, "--passphrase-file", Passphrase, "--out", Deployments,
        };
        args.AddRange(overrides.Length > 0 ? overrides : ["--chain-id", "31337"]);
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = await CliApp.RunAsync([.. args], output, error);
        return (code, (output.ToString() + error.ToString()).Trim());
    }

    private static async Task<HttpClient> InspectorAsync(LedgerApiFactory factory)
    {
        await factory.ChainAsync();
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", await factory.CreateKeyAsync(Roles.Inspector, "deployed-market-bureau"));
        return client;
    }
}
