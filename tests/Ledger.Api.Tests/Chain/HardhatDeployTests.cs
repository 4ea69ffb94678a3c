using System.Diagnostics;
using Ledger.Api.Tests.Issuers;
using Ledger.Chain;
using Ledger.Testing;

namespace Ledger.Api.Tests.Chain;

/// <summary>
/// `npx hardhat run scripts/deploy.js --network ledger` against a real anvil, the deploying key in a keystore: it writes
/// deployments/&lt;chainId&gt;.json exactly as `ledger chain deploy` would, and a service given that file and its own
/// anchoring keystore, with the anvil as an external chain, anchors records whose proofs verify on that chain.
/// </summary>
public sealed class HardhatDeployTests : IAsyncLifetime
{
    private const int DeployerKey = 2;
    private const int AnchorerKey = 3;
    private const string Passphrase = "hardhat deploy passphrase";
    private readonly string _folder = Directory.CreateTempSubdirectory("ledger-hardhat-").FullName;
    private AnvilNode _node = null!;

    private string DeployerKeystore => Path.Combine(_folder, "deployer.json");
    private string AnchorerKeystore => Path.Combine(_folder, "anchorer.json");
    private string Deployments => Path.Combine(_folder, "deployments");

    public async Task InitializeAsync()
    {
        _node = await AnvilNode.StartAsync();
        Keystore.Write(AnvilNode.DevKeys[DeployerKey], Passphrase, DeployerKeystore);
        Keystore.Write(AnvilNode.DevKeys[AnchorerKey], Passphrase, AnchorerKeystore);
    }

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task TheHardhatDeploymentIsRecordedAsTheServiceReadsItAndTheServiceAnchorsOnIt()
    {
        var (code, output) = await DeployAsync();
        var file = Path.Combine(Deployments, "31337.json");
        Assert.True(code == 0, output);
        var text = await File.ReadAllTextAsync(file);
        var record = DeploymentRecord.Parse(text);

        // Byte for byte what `ledger chain deploy` writes for the same facts.
        Assert.Equal(record.ToJson(), text);
        Assert.Equal((31337UL, LedgerAnchorAbi.CurrentVersion, DeploymentRecord.CurrentArtifactHash, DeploymentRecord.CurrentSolcVersion),
            (record.ChainId, record.Version, record.ArtifactHash, record.SolcVersion));
        Assert.Equal((AnvilNode.DevKeys[DeployerKey].Address, AnvilNode.DevKeys[AnchorerKey].Address),
            (record.Deployer, record.Anchorer));
        Assert.NotEmpty(await _node.Client.GetCodeAsync(record.Address));
        var receipt = await _node.Client.GetTransactionReceiptAsync(record.TransactionHash);
        Assert.Equal((record.BlockNumber, record.BlockHash), (receipt!.BlockNumber, receipt.BlockHash));

        var factory = new LedgerApiFactory(settings: new Dictionary<string, string?>
        {
            ["Chain:RpcUrl"] = _node.RpcUrl.ToString(),
            ["Chain:Deployment"] = file,
            ["Chain:KeystoreFile"] = AnchorerKeystore,
            ["LEDGER_KEYSTORE_PASSWORD"] = Passphrase,
        });
        try
        {
            await factory.ChainAsync();
            var client = await ExternalChain.InspectorClientAsync(factory);
            var accepted = await Samples.SubmitAsync(client, Samples.Inspection());
            var bundle = await factory.WaitForStatusAsync(accepted.GetProperty("recordHash").GetString()!, "confirmed");

            Assert.Equal(record.Address, bundle.GetProperty("anchor").GetProperty("contract").GetString());
            var (verified, said) = await LedgerVerify.RunAsync(factory, bundle);
            Assert.True(verified == 0, said);
        }
        finally
        {
            await factory.DisposeAsync();
            factory.DeleteData();
        }
    }

    [Fact]
    public async Task ARecordedDeploymentIsNeverOverwrittenByTheScript()
    {
        Assert.Equal(0, (await DeployAsync()).Code);
        var first = await File.ReadAllTextAsync(Path.Combine(Deployments, "31337.json"));
        var nonce = await _node.Client.GetTransactionCountAsync(AnvilNode.DevKeys[DeployerKey].Address, pending: false);

        var (code, output) = await DeployAsync();

        Assert.NotEqual(0, code);
        Assert.Contains("already has a recorded deployment", output);
        Assert.Equal(first, await File.ReadAllTextAsync(Path.Combine(Deployments, "31337.json")));
        Assert.Equal(nonce, await _node.Client.GetTransactionCountAsync(AnvilNode.DevKeys[DeployerKey].Address, pending: false));
    }

    private async Task<(int Code, string Output)> DeployAsync()
    {
        var info = new ProcessStartInfo("npx")
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "hardhat", "run", "scripts/deploy.js", "--network", "ledger" })
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["LEDGER_RPC_URL"] = _node.RpcUrl.ToString();
        info.Environment["LEDGER_CHAIN_ID"] = "31337";
        info.Environment["LEDGER_DEPLOYER_KEYSTORE"] = DeployerKeystore;
        info.Environment["LEDGER_KEYSTORE_PASSWORD"] = Passphrase;
        info.Environment["LEDGER_ANCHORER"] = AnvilNode.DevKeys[AnchorerKey].Address;
        info.Environment["LEDGER_DEPLOYMENTS"] = Deployments;
        info.Environment.Remove("LEDGER_DEPLOYER_KEY");
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"npx hardhat run scripts/deploy.js did not finish: {await output}{await error}");
        }
        return (process.ExitCode, (await output + await error).Trim());
    }
}
