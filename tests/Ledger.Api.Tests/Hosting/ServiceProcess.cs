using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Ledger.Testing;

namespace Ledger.Api.Tests.Hosting;

/// <summary>
/// The built service started as a real child process, the way scripts/run starts it, on a free loopback port with
/// its own data folder. Collects what it prints so tests can read the start-up banner.
/// </summary>
public sealed partial class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServiceProcess(Process process, Uri baseAddress, string dataDirectory)
    {
        _process = process;
        BaseAddress = baseAddress;
        DataDirectory = dataDirectory;
    }

    public Uri BaseAddress { get; }
    public string DataDirectory { get; }
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    /// <summary>Everything the service printed so far.</summary>
    public string Output
    {
        get { lock (_output) { return _output.ToString(); } }
    }

    /// <summary>Starts the service and waits until its banner is printed.</summary>
    public static Task<ServiceProcess> StartAsync(string dataDirectory, TimeSpan timeout, params string[] settings) =>
        StartAsync(dataDirectory, timeout, embeddedKeys: true, settings);

    /// <summary>
    /// Starts the service and waits until its banner is printed; with <paramref name="embeddedKeys"/> false (an
    /// external chain, which prints no keys) the banner's contract line is enough.
    /// </summary>
    public static async Task<ServiceProcess> StartAsync(string dataDirectory, TimeSpan timeout, bool embeddedKeys, string[] settings)
    {
        var deadline = DateTime.UtcNow + timeout;
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var service = new ServiceProcess(Process.Start(StartInfo(port, dataDirectory, settings))!, new Uri($"http://127.0.0.1:{port}"), dataDirectory);
            service._process.OutputDataReceived += (_, e) => service.Append(e.Data);
            service._process.ErrorDataReceived += (_, e) => service.Append(e.Data);
            service._process.BeginOutputReadLine();
            service._process.BeginErrorReadLine();
            while (true)
            {
                if (service.Output.Contains("  Contract:", StringComparison.Ordinal) && (!embeddedKeys || service.Output.Contains("    admin", StringComparison.Ordinal)))
                {
                    return service;
                }
                if (service.HasExited || DateTime.UtcNow > deadline)
                {
                    var output = service.Output;
                    var lostThePort = service.HasExited && output.Contains("already in use", StringComparison.OrdinalIgnoreCase);
                    await service.DisposeAsync();
                    // The free port is picked before the child binds it, so a parallel test can take it in between.
                    // That is the harness's race, not the service's failure: pick another port and start again.
                    if (lostThePort && attempt < 3 && DateTime.UtcNow < deadline)
                    {
                        break;
                    }
                    throw new InvalidOperationException($"The service did not print its banner in time. It printed:\n{output}");
                }
                await Task.Delay(100);
            }
        }
    }

    /// <summary>Starts the service expecting it to stop by itself (a refused start), and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string StandardOutput, string StandardError)> RunToExitAsync(
        string dataDirectory, TimeSpan timeout, params string[] settings)
    {
        using var process = Process.Start(StartInfo(FreePort(), dataDirectory, settings))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The service was still running after {timeout}; it printed:\n{await output}\n{await error}");
        }
        return (process.ExitCode, await output, await error);
    }

    private static ProcessStartInfo StartInfo(int port, string dataDirectory, IEnumerable<string> settings)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var arg in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "Ledger.Api.dll"),
            "--contentRoot", Path.Combine(RepositoryPaths.Root, "src", "Ledger.Api"),
            "--Urls", $"http://127.0.0.1:{port}",
            "--Storage:DataDirectory", dataDirectory,
        }.Concat(settings).Concat(settings.Contains("--Storage:Provider")
            ? []
            : TestStorage.SettingsFor(dataDirectory).SelectMany(s => new[] { "--" + s.Key, s.Value! })))
        {
            info.ArgumentList.Add(arg);
        }
        return info;
    }

    /// <summary>The value printed after a banner label, e.g. "Contract:" or a role name.</summary>
    public string BannerValue(string label)
    {
        var match = Regex.Match(Output, $@"^\s+{Regex.Escape(label)}\s+(\S+)", RegexOptions.Multiline);
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException($"No '{label}' line in:\n{Output}");
    }

    /// <summary>Sends SIGTERM, as Ctrl-C or a supervisor would, and waits for a clean exit.</summary>
    public async Task TerminateAsync(TimeSpan timeout)
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
    }

    /// <summary>SIGKILL for the service alone — no shutdown code runs, and its embedded anvil is orphaned, as in a crash.</summary>
    public async Task CrashAsync()
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
