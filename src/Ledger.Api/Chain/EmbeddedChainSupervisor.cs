using Ledger.Api.Settings;
using Ledger.Api.Storage;
using Ledger.Chain.Embedded;
using Microsoft.Extensions.Options;

namespace Ledger.Api.Chain;

/// <summary>
/// Runs the embedded anvil node and keeps it running. At start it stops a node orphaned by a crashed run, sets aside a
/// state file that a crash cut short, and keeps the port of the previous run. Then it watches the process: when anvil
/// dies, it withdraws the chain (the anchoring worker pauses, readiness says why), restarts anvil from its state file
/// on the same port with growing back-off, and publishes the chain again through the connect step, which finds the
/// contract or deploys it again if the restored state lost it. At shutdown it reports what happened to the state.
/// </summary>
internal sealed class EmbeddedChainSupervisor(
    ChainRuntime runtime,
    IOptions<ChainOptions> chainOptions,
    IOptions<StorageOptions> storageOptions,
    TimeProvider time,
    ILogger<EmbeddedChainSupervisor> log)
{
    /// <summary>The wait before the first restart after a crash; it doubles with every crash or failed restart in a row.</summary>
    public static readonly TimeSpan FirstRestartDelay = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between restart attempts.</summary>
    public static readonly TimeSpan MaxRestartDelay = TimeSpan.FromSeconds(30);

    // A node that ran this long before it died starts the back-off afresh: it was not crash-looping.
    private static readonly TimeSpan StableAfter = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan LeftoverStopTimeout = TimeSpan.FromSeconds(15);

    private readonly CancellationTokenSource _stopping = new();
    private AnvilProcess? _anvil;
    private Task _supervision = Task.CompletedTask;
    private DateTimeOffset _startedAt;
    private int _crashesInARow;

    private string DataDirectory => storageOptions.Value.ResolveDataDirectory();
    private AnvilStateFile State => new(Path.Combine(DataDirectory, "anvil-state.json"));
    private string PidFile => Path.Combine(DataDirectory, "anvil.pid");

    /// <summary>Starts the node (after stopping one a crashed run left behind) and returns its RPC URL.</summary>
    public async Task<Uri> StartAsync(CancellationToken ct)
    {
        if (await AnvilPidFile.StopLeftoverAsync(PidFile, State.Path, LeftoverStopTimeout) is { } leftover)
        {
            log.LogWarning("Stopped the embedded chain left running by a previous run that did not shut down (process {Pid}); its state was saved.", leftover);
        }
        return (await StartNodeAsync(ct)).RpcUrl;
    }

    /// <summary>Watches the node from now on; <paramref name="connect"/> binds a restarted node and finds or deploys the contract.</summary>
    public void Supervise(Func<Uri, CancellationToken, Task<ConnectedChain>> connect) =>
        _supervision = Task.Run(() => SuperviseAsync(connect, _stopping.Token));

    /// <summary>Stops watching, stops the node (SIGTERM: anvil writes its state) and logs what really happened.</summary>
    public async Task StopAsync()
    {
        await _stopping.CancelAsync();
        await _supervision;
        if (Interlocked.Exchange(ref _anvil, null) is not { } anvil)
        {
            return;
        }
        var state = State;
        var wasRunning = !anvil.HasExited;
        var before = state.Stamp();
        var exit = await anvil.StopAsync();
        var after = state.Stamp();
        await anvil.DisposeAsync();
        AnvilPidFile.Delete(PidFile);
        if (!wasRunning || exit.How == AnvilStopKind.ExitedByItself)
        {
            log.LogWarning("The embedded chain was not running at shutdown (anvil had exited: {Exit}), so nothing was saved now; {StateFile}.", exit.Describe(), Describe(after));
        }
        else if (exit.CleanStop && after.Exists && after != before)
        {
            log.LogInformation("Embedded chain stopped on SIGTERM; it wrote its state to {StateFile} ({Bytes} bytes).", state.Path, after.Length);
        }
        else
        {
            log.LogWarning("The embedded chain did not save its state on stopping (anvil {Exit}); {StateFile}.",
                exit.How == AnvilStopKind.Killed ? $"ignored SIGTERM and was killed, {exit.Describe()}"
                    : exit.CleanStop ? "exited cleanly but left its state file unchanged" : $"exited with {exit.Describe()}",
                Describe(after));
        }
    }

    private async Task<AnvilProcess> StartNodeAsync(CancellationToken ct)
    {
        var options = chainOptions.Value;
        var binary = options.AnvilPath ?? AnvilLocator.Find()
            ?? throw new StartupRefusedException(
                "The embedded chain needs anvil from node_modules. Run scripts/bootstrap in the repository (scripts/run does it), or set Chain:AnvilPath, or configure Chain:RpcUrl for an external chain.");
        var state = State;
        if (state.SetAsideIfDamaged(time.GetUtcNow()) is { } aside)
        {
            log.LogWarning(
                "The embedded chain's state file cannot be loaded (a crash cut a dump short?); moved it to {Aside} and starting a fresh chain: the contract is deployed again and every batch anchored again.",
                aside);
        }
        if (state.RestrictToOwner())
        {
            log.LogWarning("{StateFile} was readable by other users; made it readable by its owner only.", state.Path);
        }
        var port = new EmbeddedChainPort(Path.Combine(DataDirectory, EmbeddedChainPort.FileName), options.EmbeddedPort, log);
        var anvil = await AnvilProcess.StartAsync(new AnvilStartOptions
        {
            BinaryPath = binary,
            Port = port.Choose(),
            StateFile = state.Path,
            StateIntervalSeconds = (int)options.EmbeddedStateInterval.TotalSeconds,
            BlockTimeSeconds = options.EmbeddedBlockTime?.TotalSeconds,
        }, ct);
        AnvilPidFile.Write(PidFile, anvil.Id);
        port.Remember(anvil.Port);
        if (Interlocked.Exchange(ref _anvil, anvil) is { } previous)
        {
            await previous.DisposeAsync();
        }
        _startedAt = time.GetUtcNow();
        return anvil;
    }

    private async Task SuperviseAsync(Func<Uri, CancellationToken, Task<ConnectedChain>> connect, CancellationToken ct)
    {
        try
        {
            while (_anvil is { } anvil)
            {
                var exit = await anvil.WaitForExitAsync(ct);
                await RestartAsync(anvil, exit, connect, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: StopAsync takes it from here.
        }
        catch (Exception e)
        {
            log.LogError(e, "Supervision of the embedded chain failed; it is no longer restarted if it dies.");
        }
    }

    private async Task RestartAsync(AnvilProcess died, AnvilExit exit, Func<Uri, CancellationToken, Task<ConnectedChain>> connect, CancellationToken ct)
    {
        runtime.Withdraw($"The embedded chain stopped ({exit.Describe()}); restarting it. Records are accepted and anchored once it is back.");
        log.LogWarning("The embedded chain (anvil, process {Pid}, port {Port}) exited unexpectedly: {Exit}. Restarting it from its state file ({StateFile}).",
            died.Id, died.Port, exit.Describe(), Describe(State.Stamp()));
        if (time.GetUtcNow() - _startedAt >= StableAfter)
        {
            _crashesInARow = 0;
        }
        for (var attempt = 1; ; attempt++)
        {
            var delay = RestartDelay(++_crashesInARow);
            await Task.Delay(delay, time, ct);
            AnvilProcess? started = null;
            try
            {
                started = await StartNodeAsync(ct);
                runtime.SetReady(await connect(started.RpcUrl, ct));
                log.LogInformation("The embedded chain is back: anvil process {Pid} on port {Port}, restarted from its state file after {Attempts} attempt(s).",
                    started.Id, started.Port, attempt);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                if (started is not null)
                {
                    await started.StopAsync(); // it answers but could not be bound; start over from its (just saved) state
                }
                runtime.Withdraw($"The embedded chain could not be restarted yet ({e.Message}); retrying.");
                log.LogWarning("Restarting the embedded chain failed (attempt {Attempt}; next in {Delay}): {Reason}", attempt, RestartDelay(_crashesInARow + 1), e.Message);
            }
        }
    }

    private static TimeSpan RestartDelay(int crashesInARow)
    {
        var delay = FirstRestartDelay * Math.Pow(2, Math.Min(crashesInARow - 1, 10));
        return delay < MaxRestartDelay ? delay : MaxRestartDelay;
    }

    private static string Describe(AnvilStateStamp stamp) => stamp.LastWriteUtc is { } written
        ? $"state file last written {written:yyyy-MM-dd HH:mm:ss} UTC, {stamp.Length} bytes"
        : "there is no state file yet";
}
