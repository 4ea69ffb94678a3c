using System.Numerics;
using Ledger.Api.Settings;
using Ledger.Chain;
using Ledger.Chain.Embedded;
using Ledger.Data;
using Ledger.Data.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ledger.Api.Chain;

/// <summary>
/// Connects the service to its chain at start: either the configured external chain (checked for chain id,
/// contract code and anchorer role) or an embedded anvil, with LedgerAnchor deployed once and its address remembered.
/// The embedded node itself is run, restarted after a crash and stopped by <see cref="EmbeddedChainSupervisor"/>,
/// which binds every restarted node through <see cref="ConnectEmbeddedAsync"/> again.
/// </summary>
internal sealed class ChainStartup(
    ChainRuntime runtime,
    IOptions<ChainOptions> chainOptions,
    IServiceScopeFactory scopes,
    EmbeddedChainSupervisor embedded,
    IHttpClientFactory httpClients,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<ChainStartup> log) : IHostedService
{
    private EthereumKey? _anchoringKey;
    private const string ContractSetting = "embedded-chain:contract";
    private static readonly TimeSpan DeployTimeout = TimeSpan.FromSeconds(60);
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _stopRequested;
    private Task? _reconnect;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var options = chainOptions.Value;
        if (options.IsEmbedded)
        {
            runtime.SetReady(await StartEmbeddedAsync(cancellationToken));
            return;
        }
        // Before the chain: a keystore that does not open is the operator's to fix, whether or not the node answers.
        _anchoringKey = AnchoringKey.Open(options, configuration);
        try
        {
            runtime.SetReady(await ConnectExternalAsync(options, cancellationToken));
        }
        catch (ChainException e) when (e.Kind is ChainErrorKind.Unreachable or ChainErrorKind.Timeout)
        {
            // The API keeps accepting records; anchoring starts once the node answers.
            runtime.Problem = $"Chain unreachable: {e.Message}";
            log.LogWarning("Chain at {RpcUrl} is unreachable ({Reason}); retrying in the background.", RpcDisplay.Of(new Uri(options.RpcUrl!)), e.Message);
            _reconnect = ReconnectAsync(options, _stopping.Token);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Hosts may stop twice, even at once (WebApplicationFactory and the app's own RunAsync both do): the node is
        // stopped once, and every caller waits until it is, so nothing touches the data folder while anvil writes it.
        if (Interlocked.Exchange(ref _stopRequested, 1) == 1)
        {
            await _stopped.Task;
            return;
        }
        try
        {
            await StopOnceAsync();
            _stopped.TrySetResult();
        }
        catch (Exception e)
        {
            _stopped.TrySetException(e);
            throw;
        }
    }

    private async Task StopOnceAsync()
    {
        await _stopping.CancelAsync();
        if (_reconnect is not null)
        {
            await _reconnect.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        await embedded.StopAsync();
    }

    private async Task<ConnectedChain> StartEmbeddedAsync(CancellationToken ct)
    {
        var chain = await ConnectEmbeddedAsync(await embedded.StartAsync(ct), ct);
        embedded.Supervise(ConnectEmbeddedAsync);
        return chain;
    }

    /// <summary>Binds the embedded node at <paramref name="rpcUrl"/>: finds LedgerAnchor, or deploys it if the chain lost it.</summary>
    private async Task<ConnectedChain> ConnectEmbeddedAsync(Uri rpcUrl, CancellationToken ct)
    {
        var options = chainOptions.Value;
        var client = new JsonRpcChainClient(httpClients.CreateClient("chain"), rpcUrl);
        var chainId = await client.GetChainIdAsync(ct);
        var key = EthereumKey.FromPrivateKey(AnvilProcess.DevPrivateKeys[0]);
        var sender = new TransactionSender(client, key, chainId, FeePolicyFrom(options), time);
        var contract = await FindOrDeployAsync(client, sender, key.Address, ct);
        log.LogInformation("Embedded chain {RpcUrl} (chain id {ChainId}) with LedgerAnchor at {Contract}.", RpcDisplay.Of(rpcUrl), chainId, contract.Address);
        return new ConnectedChain(rpcUrl, chainId, client, contract, sender, Embedded: true);
    }

    private async Task<LedgerAnchorContract> FindOrDeployAsync(IChainClient client, TransactionSender sender, string operatorAddress, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        var remembered = await db.Settings.SingleOrDefaultAsync(s => s.Key == ContractSetting, ct);
        if (remembered is not null && (await client.GetCodeAsync(remembered.Value, ct)).Length > 0)
        {
            var found = new LedgerAnchorContract(client, remembered.Value);
            var version = await found.VersionAsync(ct);
            if (version == LedgerAnchorAbi.CurrentVersion)
            {
                return found;
            }
            log.LogWarning("The embedded chain's LedgerAnchor at {Contract} is version {Version}, without the issuer registry; deploying {Current} and anchoring every batch again there.",
                remembered.Value, version, LedgerAnchorAbi.CurrentVersion);
        }
        else if (remembered is not null)
        {
            log.LogWarning("The embedded chain no longer has LedgerAnchor at {Contract} (its state was lost); deploying again.", remembered.Value);
        }
        var contract = await LedgerAnchorContract.DeployAsync(client, sender, operatorAddress, operatorAddress, DeployTimeout, ct);
        if (remembered is null)
        {
            db.Settings.Add(new Setting { Key = ContractSetting, Value = contract.Address });
        }
        else
        {
            remembered.Value = contract.Address;
        }
        await db.SaveChangesAsync(ct);
        return contract;
    }

    private async Task<ConnectedChain> ConnectExternalAsync(ChainOptions options, CancellationToken ct)
    {
        var rpcUrl = new Uri(options.RpcUrl!);
        var client = await ConnectNodesAsync(options, ct);
        var actual = options.ChainId!.Value;
        var contract = new LedgerAnchorContract(client, options.ContractAddress!);
        await contract.EnsureDeployedAsync(ct);
        var version = await contract.VersionAsync(ct);
        if (version != LedgerAnchorAbi.CurrentVersion)
        {
            throw new StartupRefusedException(
                $"The LedgerAnchor at {contract.Address} is version {version}; this service needs {LedgerAnchorAbi.CurrentVersion}, which holds the issuer key registry. "
                + "Deploy it and set Chain:ContractAddress to it: batches anchored on the old contract are anchored again on the new one.");
        }
        var key = _anchoringKey ??= AnchoringKey.Open(options, configuration);
        if (!await contract.IsAnchorerAsync(key.Address, ct))
        {
            throw new StartupRefusedException($"The configured key's account {key.Address} lacks ANCHORER_ROLE on {contract.Address}; grant it with grantRole.");
        }
        if (!await contract.IsIssuerRegistrarAsync(key.Address, ct))
        {
            throw new StartupRefusedException($"The configured key's account {key.Address} lacks ISSUER_REGISTRAR_ROLE on {contract.Address}; grant it with grantRole (the service registers issuer keys as it anchors).");
        }
        var sender = new TransactionSender(client, key, actual, FeePolicyFrom(options), time);
        log.LogInformation("Connected to chain {ChainId} at {RpcUrl}{Fallbacks}; LedgerAnchor at {Contract}; anchoring as {Account}.", actual, RpcDisplay.Of(rpcUrl),
            options.FallbackRpcUrls.Count == 0 ? "" : $" (with {options.FallbackRpcUrls.Count} fallback node(s))", contract.Address, key.Address);
        return new ConnectedChain(rpcUrl, actual, client, contract, sender, Embedded: false);
    }

    // Every configured node is asked its chain id: one that answers with another is a configuration error and refuses
    // the start, naming it; one that does not answer is skipped now and tried again later by the failover client. With
    // a single node the client is that node's own, as before fallbacks existed.
    private async Task<IChainClient> ConnectNodesAsync(ChainOptions options, CancellationToken ct)
    {
        // One HttpClient per node: Nethereum's RpcClient sets its HttpClient's base address.
        var nodes = options.RpcUrls.Select(url => (Url: url, Client: new JsonRpcChainClient(httpClients.CreateClient("chain"), url))).ToList();
        foreach (var (url, node) in nodes)
        {
            try
            {
                var actual = await node.GetChainIdAsync(ct);
                if (actual != options.ChainId)
                {
                    throw new StartupRefusedException($"Chain:ChainId is {options.ChainId} but {RpcDisplay.Of(url)} reports chain id {actual}; refusing to anchor on the wrong network.");
                }
            }
            catch (ChainException e) when (e.Kind == ChainErrorKind.Unreachable && nodes.Count > 1)
            {
                log.LogWarning("RPC node {RpcUrl} does not answer at start ({Reason}); the other nodes are used until it does.", RpcDisplay.Of(url), e.Message);
            }
        }
        if (nodes.Count == 1)
        {
            return nodes[0].Client;
        }
        var failover = new FailoverChainClient(
            [.. nodes.Select(n => (RpcDisplay.Of(n.Url), (IChainClient)n.Client))], options.ChainId!.Value, time,
            message => log.LogWarning("{Message}", message));
        // Fails as Unreachable when no node answers, which the reconnect loop retries like a single node's outage.
        await failover.GetChainIdAsync(ct);
        return failover;
    }

    private async Task ReconnectAsync(ChainOptions options, CancellationToken ct)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(delay, time, ct);
                runtime.SetReady(await ConnectExternalAsync(options, ct));
                return;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is ChainException or InvalidOperationException or HttpRequestException)
            {
                runtime.Problem = $"Chain not connected: {e.Message}";
                log.LogWarning("Still cannot connect to the chain: {Reason}", e.Message);
                delay = TimeSpan.FromSeconds(Math.Min(60, delay.TotalSeconds * 2));
            }
        }
    }

    internal static FeePolicy FeePolicyFrom(ChainOptions options) => new(
        GweiToWei(options.MaxFeePerGasGwei),
        GweiToWei(options.PriorityFeeGwei),
        options.ReplacementBumpPercent);

    private static BigInteger GweiToWei(decimal gwei) => new(decimal.Round(gwei * 1_000_000_000m, 0));
}
