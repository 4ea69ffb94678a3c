using System.Diagnostics;

namespace Ledger.Testing;

/// <summary>Runs a repository node script (e.g. ethers.js vector generators) and returns what it printed.</summary>
public static class NodeScript
{
    /// <summary>How long a script may run before it is killed.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Runs <c>node &lt;script&gt; args…</c> with the repository root as working directory, feeding <paramref name="stdin"/>
    /// (or nothing) and returning stdout. A non-zero exit throws with the script's stderr.
    /// </summary>
    public static Task<string> RunAsync(string scriptPathRelativeToRepo, string? stdin, params string[] args) =>
        RunAsync(scriptPathRelativeToRepo, stdin, DefaultTimeout, CancellationToken.None, args);

    /// <summary>As <see cref="RunAsync(string, string?, string[])"/>, with an explicit timeout and cancellation.</summary>
    public static async Task<string> RunAsync(
        string scriptPathRelativeToRepo, string? stdin, TimeSpan timeout, CancellationToken ct, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(scriptPathRelativeToRepo);
        var script = Path.Combine(RepositoryPaths.Root, scriptPathRelativeToRepo);
        if (!File.Exists(script))
        {
            throw new FileNotFoundException($"Node script {scriptPathRelativeToRepo} not found under {RepositoryPaths.Root}.", script);
        }
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(script);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException("node did not start; is it on PATH?");
        // Read both pipes while writing stdin, so a chatty script cannot deadlock on a full pipe.
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin.AsMemory(), ct);
        }
        process.StandardInput.Close();

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            ct.ThrowIfCancellationRequested();
            throw new TimeoutException($"node {scriptPathRelativeToRepo} did not finish within {timeout}.");
        }
        var output = await stdout;
        var errors = await stderr;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"node {scriptPathRelativeToRepo} {string.Join(' ', args)} exited with {process.ExitCode}:{Environment.NewLine}{errors}");
        }
        return output;
    }
}
