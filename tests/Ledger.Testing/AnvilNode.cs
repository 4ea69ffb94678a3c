using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Ledger.Chain;
using Ledger.Chain.Embedded;
using Xunit;

namespace Ledger.Testing;

/// <summary>
/// A real anvil node for tests: a free loopback port, a temporary state directory, a JSON-RPC client and the dev keys.
/// Use it as an xunit class fixture (<c>IClassFixture&lt;AnvilNode&gt;</c>) or per test with <see cref="StartAsync"/>.
/// </summary>
public sealed class AnvilNode : IAsyncLifetime, IAsyncDisposable
{
    /// <summary>A fee policy that any dev chain accepts: up to 100 gwei, tip 1 gwei.</summary>
    public static readonly FeePolicy DevFees = new(100_000_000_000, 1_000_000_000);

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private AnvilProcess? _process;
    private JsonRpcChainClient? _client;
    private int? _stoppedPort;
    private Uri? _rpcUrl;

    /// <summary>The chain id the node runs with.</summary>
    public ulong ChainId { get; init; } = 31337;

    /// <summary>A temporary folder owned by this node, deleted on dispose.</summary>
    public string StateDirectory { get; } = Directory.CreateTempSubdirectory("ledger-anvil-").FullName;

    /// <summary>The --state file anvil dumps to.</summary>
    public string StateFile => Path.Combine(StateDirectory, "state.json");

    /// <summary>The running process.</summary>
    public AnvilProcess Process => _process ?? throw new InvalidOperationException("The anvil node has not been started.");

    /// <summary>The node's JSON-RPC endpoint (the same across <see cref="RestartAsync"/>).</summary>
    public Uri RpcUrl => _rpcUrl ?? throw new InvalidOperationException("The anvil node has not been started.");

    /// <summary>A client for the node.</summary>
    public JsonRpcChainClient Client => _client ?? throw new InvalidOperationException("The anvil node has not been started.");

    /// <summary>anvil's ten pre-funded dev accounts (public test keys).</summary>
    public static IReadOnlyList<EthereumKey> DevKeys { get; } = [.. AnvilProcess.DevPrivateKeys.Select(EthereumKey.FromPrivateKey)];

    /// <summary>Starts a node outside xunit's fixture lifecycle; dispose it with <c>await using</c>.</summary>
    public static async Task<AnvilNode> StartAsync(ulong chainId = 31337)
    {
        var node = new AnvilNode { ChainId = chainId };
        await ((IAsyncLifetime)node).InitializeAsync();
        return node;
    }

    /// <summary>A sender for dev key <paramref name="index"/>. Keep one per key per test: the sender serialises that key's sends.</summary>
    public TransactionSender Sender(int index) => Sender(DevKeys[index]);

    /// <summary>A sender for any key on this chain with <see cref="DevFees"/> and the system clock.</summary>
    public TransactionSender Sender(ITransactionSigner signer, ulong? expectedChainId = null) =>
        new(Client, signer, expectedChainId ?? ChainId, DevFees, TimeProvider.System) { ReceiptPollInterval = TimeSpan.FromMilliseconds(20) };

    /// <summary>Sends any JSON-RPC request (anvil_*, evm_*).</summary>
    public Task<JsonElement> RpcAsync(string method, params object?[] parameters) => Client.RequestAsync(method, parameters);

    /// <summary>evm_snapshot: the id to revert to.</summary>
    public async Task<string> SnapshotAsync() => (await RpcAsync("evm_snapshot")).GetString()!;

    /// <summary>evm_revert: restores the chain to a snapshot (each snapshot can be reverted to once).</summary>
    public async Task<bool> RevertAsync(string snapshotId) => (await RpcAsync("evm_revert", snapshotId)).GetBoolean();

    /// <summary>anvil_mine: mines <paramref name="blocks"/> empty blocks.</summary>
    public Task MineAsync(int blocks = 1) => RpcAsync("anvil_mine", "0x" + blocks.ToString("x", CultureInfo.InvariantCulture));

    /// <summary>anvil_setBalance: gives <paramref name="address"/> exactly <paramref name="wei"/>.</summary>
    public Task SetBalanceAsync(string address, BigInteger wei) =>
        RpcAsync("anvil_setBalance", address, "0x" + wei.ToString("x", CultureInfo.InvariantCulture).TrimStart('0').PadLeft(1, '0'));

    /// <summary>
    /// Stops the node (SIGTERM: anvil writes its state file), leaving the port free: clients see the node go away.
    /// Start it again with <see cref="RestartAsync"/>.
    /// </summary>
    public async Task StopAsync()
    {
        _stoppedPort = Process.Port;
        await Process.DisposeAsync();
        _process = null;
    }

    /// <summary>
    /// Starts the node again on the same port from its state file, or first from <paramref name="olderStateFile"/>
    /// (a copy taken earlier: the chain then forgets everything since). Stops it first if it runs.
    /// </summary>
    public async Task RestartAsync(string? olderStateFile = null)
    {
        if (_process is not null)
        {
            await StopAsync();
        }
        if (olderStateFile is not null)
        {
            File.Copy(olderStateFile, StateFile, overwrite: true);
        }
        await StartProcessAsync(_stoppedPort ?? 0);
    }

    /// <summary>A copy of the node's state as of now (it is stopped and started again to write it), for <see cref="RestartAsync"/>.</summary>
    public async Task<string> SaveStateAsync()
    {
        await RestartAsync();
        var copy = Path.Combine(StateDirectory, $"state-{Guid.NewGuid():N}.json");
        File.Copy(StateFile, copy);
        return copy;
    }

    /// <summary>Deploys a LedgerAnchor whose admin and anchorer are dev account <paramref name="keyIndex"/>.</summary>
    public Task<LedgerAnchorContract> DeployLedgerAnchorAsync(int keyIndex)
    {
        var account = DevKeys[keyIndex].Address;
        return LedgerAnchorContract.DeployAsync(Client, Sender(keyIndex), account, account, TimeSpan.FromSeconds(30));
    }

    /// <summary>Every RootAnchored log <paramref name="contract"/> emitted, by root (0x hex, lower case).</summary>
    public async Task<IReadOnlyDictionary<string, int>> RootAnchoredCountsAsync(string contract)
    {
        var logs = await Client.GetLogsAsync(contract, [LedgerAnchorAbi.RootAnchoredTopic], 0, null);
        return logs.GroupBy(l => l.Topics[2].ToLowerInvariant()).ToDictionary(g => g.Key, g => g.Count());
    }

    async Task IAsyncLifetime.InitializeAsync() => await StartProcessAsync(0);

    private async Task StartProcessAsync(int port)
    {
        var options = new AnvilStartOptions
        {
            BinaryPath = RepositoryPaths.AnvilBinary,
            StateFile = StateFile,
            ChainId = ChainId,
            Port = port,
        };
        _process = await AnvilProcess.StartAsync(options, CancellationToken.None);
        _rpcUrl = _process.RpcUrl;
        _client ??= new JsonRpcChainClient(_http, _process.RpcUrl);
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    /// <summary>Stops anvil (SIGTERM, then SIGKILL after a deadline) and deletes the state directory.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
            _process = null;
        }
        _http.Dispose();
        if (Directory.Exists(StateDirectory))
        {
            Directory.Delete(StateDirectory, recursive: true);
        }
    }
}
