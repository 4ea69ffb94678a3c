using System.Diagnostics;
using System.Globalization;

namespace Ledger.Chain.Embedded;

/// <summary>
/// A local anvil node run as a child process: the embedded chain for development and tests. Always started with
/// --prune-history, without which anvil stalls after a few thousand blocks and fills the disk. On Unix it runs in a
/// session of its own (a terminal's Ctrl-C reaches only its owner, which stops it in order) and with umask 077, so
/// the state file it creates is readable by its owner only from the first dump on.
/// </summary>
public sealed class AnvilProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly OutputTail _output;
    private readonly TimeSpan _stopTimeout;
    private readonly EventHandler _onHostExit;
    private AnvilExit? _stopped;

    private AnvilProcess(Process process, OutputTail output, string host, int port, AnvilStartOptions options)
    {
        _process = process;
        _output = output;
        _stopTimeout = options.StopTimeout;
        Port = port;
        StateFile = options.StateFile is { } stateFile ? Path.GetFullPath(stateFile) : null;
        RpcUrl = new Uri($"http://{(host.Contains(':') ? $"[{host}]" : host)}:{port.ToString(CultureInfo.InvariantCulture)}/");
        // A host that exits without disposing us must not leave anvil holding the port (and its state undumped).
        _onHostExit = (_, _) => StopSynchronously();
        AppDomain.CurrentDomain.ProcessExit += _onHostExit;
    }

    /// <summary>anvil's JSON-RPC endpoint.</summary>
    public Uri RpcUrl { get; }

    /// <summary>The port anvil listens on.</summary>
    public int Port { get; }

    /// <summary>The --state file (full path), or null for a chain kept in memory only.</summary>
    public string? StateFile { get; }

    /// <summary>The operating-system process id.</summary>
    public int Id => _process.Id;

    /// <summary>True once the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The last lines anvil wrote to stdout and stderr (for diagnostics).</summary>
    public string RecentOutput => _output.ToString();

    /// <summary>
    /// The private keys of anvil's ten default accounts (mnemonic "test test … junk"). They are public knowledge:
    /// for local development and tests only, never for a chain with real value.
    /// </summary>
    public static IReadOnlyList<string> DevPrivateKeys { get; } =
    [
        "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
        "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
        "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
        "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
        "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a",
        "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba",
        "0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e",
        "0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356",
        "0xdbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97",
        "0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6",
    ];

    /// <summary>Starts anvil and returns once it answers eth_chainId with the configured chain id.</summary>
    public static async Task<AnvilProcess> StartAsync(AnvilStartOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!File.Exists(options.BinaryPath))
        {
            throw new FileNotFoundException($"The anvil binary was not found at {options.BinaryPath} (run npm install).", options.BinaryPath);
        }
        if (options.StateFile is not null && options.StateIntervalSeconds < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.StateIntervalSeconds, "The state interval must be at least one second.");
        }
        var port = options.Port == 0 ? LoopbackPort.PickFree() : options.Port;
        var output = new OutputTail(40);
        var process = new Process { StartInfo = StartInfo(options, port), EnableRaisingEvents = true };
        // Drain both pipes: anvil logs every request, and a full pipe would block it.
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"anvil at {options.BinaryPath} did not start.");
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var anvil = new AnvilProcess(process, output, options.Host, port, options);
        try
        {
            await AnvilReadiness.WaitAsync(anvil, options, ct);
            return anvil;
        }
        catch
        {
            await anvil.DisposeAsync();
            throw;
        }
    }

    /// <summary>Completes when the process exits, however that happens.</summary>
    public async Task<AnvilExit> WaitForExitAsync(CancellationToken ct = default)
    {
        await _process.WaitForExitAsync(ct);
        return _stopped ?? new AnvilExit(_process.ExitCode, AnvilStopKind.ExitedByItself);
    }

    /// <summary>
    /// Sends SIGTERM (anvil dumps --state), waits for exit, and kills the process if it outlives the deadline. Says how
    /// it ended, including when it had already exited by itself before it was asked; a second call repeats the answer.
    /// </summary>
    public async Task<AnvilExit> StopAsync()
    {
        if (_stopped is { } stopped)
        {
            return stopped;
        }
        if (_process.HasExited)
        {
            return _stopped = new AnvilExit(_process.ExitCode, AnvilStopKind.ExitedByItself);
        }
        if (PosixSignal.TryTerminate(_process.Id))
        {
            using var deadline = new CancellationTokenSource(_stopTimeout);
            try
            {
                await _process.WaitForExitAsync(deadline.Token);
                return _stopped = new AnvilExit(_process.ExitCode, AnvilStopKind.Terminated);
            }
            catch (OperationCanceledException)
            {
                // Fall through to SIGKILL: a node that ignores SIGTERM must not outlive its owner.
            }
        }
        KillNow();
        await _process.WaitForExitAsync();
        return _stopped = new AnvilExit(_process.ExitCode, AnvilStopKind.Killed);
    }

    /// <summary>Stops anvil (see <see cref="StopAsync"/>) and releases the process handle.</summary>
    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= _onHostExit;
        try
        {
            await StopAsync();
        }
        finally
        {
            _process.Dispose();
        }
    }

    internal int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    private void StopSynchronously()
    {
        try
        {
            if (!_process.HasExited && (!PosixSignal.TryTerminate(_process.Id) || !_process.WaitForExit(_stopTimeout)))
            {
                KillNow();
            }
        }
        catch (InvalidOperationException)
        {
            // Already disposed or never started: nothing left to stop.
        }
    }

    private void KillNow()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
    }

    // sh sets the umask and execs (so the process id stays anvil's, which AnvilPidFile relies on); setsid, where there
    // is one, gives anvil its own session without forking, as the shell is never a process group leader.
    private const string OwnSessionOwnerOnlyFiles = "umask 077; if command -v setsid >/dev/null 2>&1; then exec setsid \"$@\"; fi; exec \"$@\"";

    private static ProcessStartInfo StartInfo(AnvilStartOptions options, int port)
    {
        var info = new ProcessStartInfo(OperatingSystem.IsWindows() ? options.BinaryPath : "/bin/sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        if (!OperatingSystem.IsWindows())
        {
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add(OwnSessionOwnerOnlyFiles);
            info.ArgumentList.Add("anvil"); // $0 of the script
            info.ArgumentList.Add(options.BinaryPath);
        }
        string[] arguments =
        [
            "--host", options.Host,
            "--port", port.ToString(CultureInfo.InvariantCulture),
            "--chain-id", options.ChainId.ToString(CultureInfo.InvariantCulture),
            "--prune-history",
        ];
        arguments.ToList().ForEach(info.ArgumentList.Add);
        if (options.StateFile is { } stateFile)
        {
            info.ArgumentList.Add("--state");
            info.ArgumentList.Add(Path.GetFullPath(stateFile));
            info.ArgumentList.Add("--state-interval");
            info.ArgumentList.Add(options.StateIntervalSeconds.ToString(CultureInfo.InvariantCulture));
        }
        if (options.BlockTimeSeconds is { } blockTime)
        {
            info.ArgumentList.Add("--block-time");
            info.ArgumentList.Add(blockTime.ToString(CultureInfo.InvariantCulture));
        }
        return info;
    }
}
