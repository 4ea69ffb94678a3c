using System.Diagnostics;
using Ledger.Testing;

namespace Ledger.Core.Tests;

/// <summary>Runs a node script from the repository root with JSON on stdin (until Ledger.Testing offers NodeScript).</summary>
internal static class NodeRunner
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static async Task<string> RunAsync(string scriptPathFromRoot, string stdin)
    {
        var start = new ProcessStartInfo("node", [scriptPathFromRoot])
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        using var cancel = new CancellationTokenSource(Timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(cancel.Token);
        var stderr = process.StandardError.ReadToEndAsync(cancel.Token);
        await process.StandardInput.WriteAsync(stdin.AsMemory(), cancel.Token);
        process.StandardInput.Close();
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {scriptPathFromRoot} ran longer than {Timeout}.");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"node {scriptPathFromRoot} exited with {process.ExitCode}: {await stderr}");
        }
        return await stdout;
    }
}
