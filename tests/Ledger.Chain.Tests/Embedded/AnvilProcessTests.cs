using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.Versioning;
using Ledger.Chain.Embedded;
using Ledger.Core.Hashing;
using Ledger.Testing;

namespace Ledger.Chain.Tests.Embedded;

public sealed class AnvilProcessTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("ledger-anvil-test-");

    public void Dispose() => _directory.Delete(recursive: true);

    private AnvilStartOptions Options(int port = 0) => new()
    {
        BinaryPath = RepositoryPaths.AnvilBinary,
        Port = port,
        StateFile = Path.Combine(_directory.FullName, "state.json"),
    };

    [Fact]
    public async Task StateSurvivesAGracefulStopAndRestart()
    {
        var root = Keccak256.Hash("persisted root"u8);
        string address;
        long anchoredAt;
        await using (var first = await AnvilProcess.StartAsync(Options()))
        {
            using var http = new HttpClient();
            var chain = new JsonRpcChainClient(http, first.RpcUrl);
            var sender = new TransactionSender(chain, AnvilNode.DevKeys[0], 31337, AnvilNode.DevFees, TimeProvider.System);
            var contract = await LedgerAnchorContract.DeployAsync(chain, sender, sender.Address, sender.Address, Timeout);
            await contract.AnchorAsync(sender, root, 4, Timeout);
            address = contract.Address;
            anchoredAt = await contract.AnchoredAtAsync(root);
            await first.StopAsync();
        }

        await using var second = await AnvilProcess.StartAsync(Options());
        using var http2 = new HttpClient();
        var restored = new LedgerAnchorContract(new JsonRpcChainClient(http2, second.RpcUrl), address);
        await restored.EnsureDeployedAsync();
        Assert.Equal(anchoredAt, await restored.AnchoredAtAsync(root));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task AStopOnSigtermIsReportedCleanAndLeavesAnOwnerOnlyStateFile()
    {
        var anvil = await AnvilProcess.StartAsync(Options());

        var exit = await anvil.StopAsync();
        await anvil.DisposeAsync();

        Assert.Equal(new AnvilExit(0, AnvilStopKind.Terminated), exit);
        Assert.True(exit.CleanStop);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Options().StateFile!));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task TheStateIsWrittenEveryIntervalWhileTheNodeRuns()
    {
        await using var anvil = await AnvilProcess.StartAsync(Options() with { StateIntervalSeconds = 1 });
        var stateFile = new AnvilStateFile(anvil.StateFile!);

        var deadline = DateTime.UtcNow + Timeout;
        while (!stateFile.Stamp().Exists && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.False(anvil.HasExited);
        Assert.True(stateFile.IsLoadable());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(stateFile.Path));
    }

    [Fact]
    public async Task ANodeKilledFromOutsideReportsTheSignal()
    {
        await using var anvil = await AnvilProcess.StartAsync(Options());
        using (var process = Process.GetProcessById(anvil.Id))
        {
            process.Kill();
        }

        var exit = await anvil.WaitForExitAsync().WaitAsync(Timeout);

        Assert.Equal(AnvilStopKind.ExitedByItself, exit.How);
        Assert.Equal(9, exit.Signal);
        Assert.Equal("killed by signal 9 (SIGKILL)", exit.Describe());
        Assert.Equal(exit, await anvil.StopAsync());
    }

    [Fact]
    public async Task TheProcessIdIsAnvilsOwnInASessionOfItsOwn()
    {
        await using var anvil = await AnvilProcess.StartAsync(Options());

        var arguments = File.ReadAllText($"/proc/{anvil.Id}/cmdline").Split('\0');
        // /proc/<pid>/stat: "pid (comm) state ppid pgrp session ..."; comm may hold spaces, so count from its ')'.
        var stat = File.ReadAllText($"/proc/{anvil.Id}/stat");
        var session = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[3], System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(RepositoryPaths.AnvilBinary, arguments[0]);
        Assert.Equal(anvil.Id, session);
    }

    [Fact]
    public async Task TransactionsWithExplicitFeesAreMinedUnderIntervalMining()
    {
        await using var anvil = await AnvilProcess.StartAsync(Options() with { BlockTimeSeconds = 0.5 });
        using var http = new HttpClient();
        var chain = new JsonRpcChainClient(http, anvil.RpcUrl);
        var sender = new TransactionSender(chain, AnvilNode.DevKeys[0], 31337, AnvilNode.DevFees, TimeProvider.System)
        {
            ReceiptPollInterval = TimeSpan.FromMilliseconds(50),
        };

        var receipts = new List<TransactionReceipt>();
        for (var i = 0; i < 3; i++)
        {
            receipts.Add(await sender.SendAsync(sender.Address, [(byte)i], Timeout));
        }

        Assert.All(receipts, r => Assert.True(r.Succeeded));
    }

    [Fact]
    public async Task ANodeWithAChainIdAboveTwoToThe32AcceptsOurSignatures()
    {
        const ulong chainId = 4_294_967_333;
        await using var node = await AnvilNode.StartAsync(chainId);
        var key = AnvilNode.DevKeys[0];
        var nonce = await node.Client.GetTransactionCountAsync(key.Address, pending: true);
        var legacy = TransactionSigning.SignLegacy(key, chainId, nonce, 5_000_000_000, 30_000, key.Address, 1, []);

        await node.Client.SendRawTransactionAsync(legacy.Raw);
        var viaSender = await node.Sender(key).SendAsync(key.Address, [], Timeout);

        Assert.True((await node.Sender(AnvilNode.DevKeys[1]).WaitForReceiptAsync(legacy.Hash, Timeout)).Succeeded);
        Assert.True(viaSender.Succeeded);
    }

    [Fact]
    public async Task StoppingEndsTheProcess()
    {
        var anvil = await AnvilProcess.StartAsync(Options());
        var id = anvil.Id;
        await anvil.DisposeAsync();
        Assert.False(IsRunning(id));
    }

    [Fact]
    public async Task ATakenPortFailsWithAnvilsOwnExplanation()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => AnvilProcess.StartAsync(Options(port)));

        Assert.Contains("anvil exited", error.Message);
        Assert.Contains("in use", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AMissingBinaryIsReportedWithItsPath()
    {
        var options = Options() with { BinaryPath = Path.Combine(_directory.FullName, "no-anvil-here") };
        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => AnvilProcess.StartAsync(options));
        Assert.Contains("no-anvil-here", error.Message);
    }

    [Fact]
    public void TheDevKeysAreTheTenWellKnownAccounts() => Assert.Equal(10, AnvilProcess.DevPrivateKeys.Distinct().Count());

    private static bool IsRunning(int id)
    {
        try
        {
            using var process = Process.GetProcessById(id);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
