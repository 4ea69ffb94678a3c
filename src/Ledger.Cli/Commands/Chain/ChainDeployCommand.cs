using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Ledger.Chain;
using Ledger.Cli.CommandLine;
using Ledger.Cli.Commands.Keys;

namespace Ledger.Cli.Commands.Chain;

/// <summary>
/// <c>ledger chain deploy --rpc URL --chain-id N --keystore FILE</c>: deploys the LedgerAnchor this build carries from
/// the keystore's account, gives the anchoring roles to <c>--anchorer</c> (the service's account; by default the
/// deployer), and writes <c>deployments/&lt;chainId&gt;.json</c>, which the service reads with <c>Chain:Deployment</c>.
/// </summary>
internal sealed class ChainDeployCommand : LedgerCommand
{
    private static readonly TimeSpan DeployTimeout = TimeSpan.FromMinutes(5);

    private readonly RequiredOption<Uri> _rpc = new("--rpc", "url", "http://127.0.0.1:8545", "The chain's JSON-RPC endpoint (http or https).")
    {
        CustomParser = HttpUrl,
    };

    private readonly RequiredOption<ulong> _chainId = new("--chain-id", "id", "31337",
        "The chain id the endpoint must report: a guard against deploying on the wrong network.");

    private readonly RequiredOption<string> _keystore = new("--keystore", "file", "deployer.json",
        "A Web3 Secret Storage (v3) keystore with the deploying account's key; the account pays the gas.");

    private readonly Option<string?> _passphraseFile = KeystorePassphrase.Option();

    private readonly Option<string?> _anchorer = new("--anchorer")
    {
        HelpName = "address",
        Description = "The account the service anchors with (ANCHORER_ROLE and ISSUER_REGISTRAR_ROLE); by default the deployer.",
        CustomParser = Address,
    };

    private readonly Option<string?> _admin = new("--admin")
    {
        HelpName = "address",
        Description = "The account that may grant and revoke roles (DEFAULT_ADMIN_ROLE); by default the deployer.",
        CustomParser = Address,
    };

    private readonly Option<string> _out = new("--out")
    {
        HelpName = "folder",
        Description = "Where to write <chainId>.json.",
        DefaultValueFactory = _ => "deployments",
    };

    public ChainDeployCommand() : base("deploy",
        "Deploy LedgerAnchor on a chain and write deployments/<chainId>.json for the service's Chain:Deployment setting.")
    {
        Options.Add(_rpc);
        Options.Add(_chainId);
        Options.Add(_keystore);
        Options.Add(_passphraseFile);
        Options.Add(_anchorer);
        Options.Add(_admin);
        Options.Add(_out);
    }

    protected override async Task<int> RunAsync(ParseResult result, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var chainId = result.GetRequiredValue(_chainId);
        var file = Path.Combine(result.GetRequiredValue(_out), chainId.ToString(CultureInfo.InvariantCulture) + ".json");
        if (File.Exists(file))
        {
            // A deployment record is evidence of where old proofs point; it is never overwritten.
            throw new UsageException($"{file} exists: this chain already has a recorded deployment. Move it aside to deploy again.");
        }
        var passphrase = await KeystorePassphrase.ReadAsync(result.GetValue(_passphraseFile), ct);
        EthereumKey key;
        try
        {
            key = Keystore.Load(result.GetRequiredValue(_keystore), passphrase);
        }
        catch (KeystoreException e)
        {
            await error.WriteLineAsync(e.WrongPassphrase ? "invalid: the passphrase does not open the keystore." : $"invalid: {e.Message}");
            return CliApp.Invalid;
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var rpc = result.GetRequiredValue(_rpc);
        var chain = new JsonRpcChainClient(http, rpc);
        try
        {
            var served = await chain.GetChainIdAsync(ct);
            if (served != chainId)
            {
                await error.WriteLineAsync($"invalid: {rpc.Scheme}://{rpc.Authority}/ serves chain {served}, not {chainId}; nothing was deployed.");
                return CliApp.Invalid;
            }
            var admin = result.GetValue(_admin) ?? key.Address;
            var anchorer = result.GetValue(_anchorer) ?? key.Address;
            var sender = new TransactionSender(chain, key, chainId, new FeePolicy(500_000_000_000, 1_000_000_000), TimeProvider.System);
            await output.WriteLineAsync($"Deploying LedgerAnchor {LedgerAnchorAbi.CurrentVersion} on chain {chainId} from {key.Address}…");
            var (contract, receipt) = await LedgerAnchorContract.DeployWithReceiptAsync(chain, sender, admin, anchorer, DeployTimeout, ct);
            var deployment = new DeploymentRecord
            {
                Contract = "LedgerAnchor",
                Version = await contract.VersionAsync(ct),
                ChainId = chainId,
                Address = EthereumAddress.Normalize(contract.Address),
                TransactionHash = receipt.TransactionHash,
                BlockNumber = receipt.BlockNumber,
                BlockHash = receipt.BlockHash,
                Deployer = key.Address,
                Admin = EthereumAddress.Normalize(admin),
                Anchorer = EthereumAddress.Normalize(anchorer),
                ArtifactHash = DeploymentRecord.CurrentArtifactHash,
                SolcVersion = DeploymentRecord.CurrentSolcVersion,
            };
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            await File.WriteAllTextAsync(file, deployment.ToJson(), ct);
            await output.WriteLineAsync(
                $"Deployed at {deployment.Address} in block {deployment.BlockNumber} (transaction {deployment.TransactionHash}); wrote {file}. "
                + $"Start the service with Chain:RpcUrl={rpc.Scheme}://{rpc.Authority}/ and Chain:Deployment={file}.");
            return CliApp.Valid;
        }
        catch (ChainException e)
        {
            await error.WriteLineAsync($"error: the deployment did not complete ({e.Kind}): {e.Message}");
            return e.Kind == ChainErrorKind.Unreachable ? CliApp.Unavailable : CliApp.Invalid;
        }
    }

    private static Uri? HttpUrl(ArgumentResult result)
    {
        var text = result.Tokens[0].Value;
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return uri;
        }
        result.AddError("--rpc must be an http(s) URL.");
        return null;
    }

    private static string? Address(ArgumentResult result)
    {
        try
        {
            return EthereumAddress.Normalize(result.Tokens[0].Value);
        }
        catch (FormatException e)
        {
            result.AddError($"{result.Parent?.ToString() ?? "address"}: {e.Message}");
            return null;
        }
    }
}
