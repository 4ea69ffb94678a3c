using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Ledger.Api.Chain;
using Ledger.Api.Storage;
using Ledger.Api.Tests.Security;
using Ledger.Chain;
using Ledger.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ledger.Api.Tests.Chain;

/// <summary>
/// The supervisor of the embedded anvil, on a real node: it restarts a node killed under it on the same port (or a
/// free one when that was taken), republishes the chain, and says at shutdown only what really happened to the state.
/// </summary>
public sealed class EmbeddedChainSupervisorTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly string _data = Directory.CreateTempSubdirectory("ledger-supervisor-").FullName;
    private readonly CapturedLogs _logs = new();
    private readonly ChainRuntime _runtime = new();
    private readonly List<HttpClient> _httpClients = [];
    private EmbeddedChainSupervisor? _supervisor;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_supervisor is not null)
        {
            await _supervisor.StopAsync();
        }
        _httpClients.ForEach(c => c.Dispose());
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task ANodeKilledUnderItIsRestartedOnItsPortAndPublishedAgain()
    {
        await StartAsync(TimeProvider.System);
        var before = _runtime.Current!;
        var pid = AnvilPid;

        KillAnvil();
        await WaitUntilAsync(() => _runtime.Current is { } now && !ReferenceEquals(now, before), "the chain to be published again");

        var after = _runtime.Current!;
        Assert.Equal(before.RpcUrl, after.RpcUrl);
        Assert.Equal(31337UL, await after.Client.GetChainIdAsync());
        Assert.NotEqual(pid, AnvilPid);
        Assert.Contains(Warnings, l => l.Contains($"(anvil, process {pid}, port {before.RpcUrl.Port}) exited unexpectedly: killed by signal 9 (SIGKILL)", StringComparison.Ordinal));
        Assert.Contains(_logs.Lines, l => l.Contains("The embedded chain is back", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARestartMovesToAFreePortWhenAnotherProgramTookTheOldOne()
    {
        var timers = new ManualTimers();
        await StartAsync(timers);
        var oldPort = _runtime.Current!.RpcUrl.Port;

        KillAnvil();
        await WaitUntilAsync(() => _runtime.Current is null && timers.Waiting > 0, "the supervisor to wait before restarting");
        using var squatter = new TcpListener(IPAddress.Loopback, oldPort);
        squatter.Start();
        timers.FireAll();
        await WaitUntilAsync(() => _runtime.Current is not null, "the chain to be published again");

        var newPort = _runtime.Current!.RpcUrl.Port;
        Assert.NotEqual(oldPort, newPort);
        Assert.Equal(31337UL, await _runtime.Current.Client.GetChainIdAsync());
        Assert.Contains(Warnings, l => l.Contains($"Port {oldPort} of the embedded chain is taken by another program; the chain now listens on port {newPort}", StringComparison.Ordinal));
        Assert.Equal(newPort.ToString(CultureInfo.InvariantCulture), File.ReadAllText(Path.Combine(_data, "anvil.port")));
    }

    [Fact]
    public async Task ShutdownAfterTheNodeDiedSaysThatNothingWasSaved()
    {
        var timers = new ManualTimers();
        await StartAsync(timers);

        KillAnvil();
        await WaitUntilAsync(() => _runtime.Current is null && timers.Waiting > 0, "the supervisor to notice the crash");
        await _supervisor!.StopAsync();

        Assert.Contains(Warnings, l => l.Contains("The embedded chain was not running at shutdown (anvil had exited: killed by signal 9 (SIGKILL)), so nothing was saved now", StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Lines, l => l.Contains("wrote its state", StringComparison.Ordinal) || l.Contains("state is saved", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACleanStopSaysWhereTheStateWasWritten()
    {
        await StartAsync(TimeProvider.System);
        var stateFile = Path.Combine(_data, "anvil-state.json");

        await _supervisor!.StopAsync();

        Assert.Contains(_logs.Lines, l => l.StartsWith("Information ", StringComparison.Ordinal)
            && l.Contains($"Embedded chain stopped on SIGTERM; it wrote its state to {stateFile} (", StringComparison.Ordinal));
        Assert.True(File.Exists(stateFile));
        Assert.False(File.Exists(Path.Combine(_data, "anvil.pid")));
    }

    [Fact]
    public async Task AStateFileCutShortByACrashIsSetAsideAndTheChainStartsAfresh()
    {
        File.WriteAllText(Path.Combine(_data, "anvil-state.json"), """{"block":{"number":"0x1c"},"accou""");

        await StartAsync(TimeProvider.System);

        var aside = Assert.Single(Directory.GetFiles(_data, "anvil-state.damaged-*.json"));
        Assert.Equal("""{"block":{"number":"0x1c"},"accou""", File.ReadAllText(aside));
        Assert.Equal(0UL, await _runtime.Current!.Client.GetBlockNumberAsync());
        Assert.Contains(Warnings, l => l.Contains($"moved it to {aside} and starting a fresh chain", StringComparison.Ordinal));
    }

    private IEnumerable<string> Warnings => _logs.Lines.Where(l => l.StartsWith("Warning ", StringComparison.Ordinal));

    private int AnvilPid => int.Parse(File.ReadAllText(Path.Combine(_data, "anvil.pid")), CultureInfo.InvariantCulture);

    private async Task StartAsync(TimeProvider time)
    {
        _supervisor = new EmbeddedChainSupervisor(
            _runtime,
            Options.Create(new ChainOptions { AnvilPath = RepositoryPaths.AnvilBinary }),
            Options.Create(new StorageOptions { DataDirectory = _data }),
            time,
            new LoggerFactory([_logs]).CreateLogger<EmbeddedChainSupervisor>());
        _runtime.SetReady(await ConnectAsync(await _supervisor.StartAsync(CancellationToken.None), CancellationToken.None));
        _supervisor.Supervise(ConnectAsync);
    }

    // What ChainStartup does, minus the contract: these tests are about the node.
    private Task<ConnectedChain> ConnectAsync(Uri rpcUrl, CancellationToken ct)
    {
        var http = new HttpClient();
        _httpClients.Add(http);
        var client = new JsonRpcChainClient(http, rpcUrl);
        var sender = new TransactionSender(client, AnvilNode.DevKeys[0], 31337, AnvilNode.DevFees, TimeProvider.System);
        return Task.FromResult(new ConnectedChain(rpcUrl, 31337, client, new LedgerAnchorContract(client, sender.Address), sender, Embedded: true));
    }

    private void KillAnvil()
    {
        using var anvil = Process.GetProcessById(AnvilPid);
        anvil.Kill();
        anvil.WaitForExit();
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Gave up waiting for {what}.");
            await Task.Delay(20);
        }
    }
}
