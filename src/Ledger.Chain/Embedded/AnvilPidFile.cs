using System.Diagnostics;
using System.Globalization;

namespace Ledger.Chain.Embedded;

/// <summary>
/// Remembers which anvil serves a data folder, so that after its owner was killed outright (SIGKILL, power cut of the
/// parent only) the next start can stop the orphan — letting it dump its state — instead of running a second node
/// that would fork the chain and fight over the state file.
/// </summary>
public static class AnvilPidFile
{
    /// <summary>
    /// Records the running node's process id. Written beside and renamed into place, so a reader (the next start, an
    /// operator's script) sees the old id or the new one, never an empty file.
    /// </summary>
    public static void Write(string pidFile, int processId)
    {
        var next = pidFile + ".next";
        OwnerOnlyFile.WriteAllText(next, processId.ToString(CultureInfo.InvariantCulture));
        File.Move(next, pidFile, overwrite: true);
    }

    /// <summary>Forgets the node after a clean stop.</summary>
    public static void Delete(string pidFile) => File.Delete(pidFile);

    /// <summary>
    /// Stops the node named in <paramref name="pidFile"/> if it is still an anvil using <paramref name="stateFile"/>
    /// (a reused process id belonging to anything else is left alone). Returns the id it stopped, or null.
    /// </summary>
    public static async Task<int?> StopLeftoverAsync(string pidFile, string stateFile, TimeSpan timeout)
    {
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture, out var pid))
        {
            return null;
        }
        Process process;
        try
        {
            process = Process.GetProcessById(pid);
        }
        catch (ArgumentException)
        {
            File.Delete(pidFile);
            return null;
        }
        using (process)
        {
            if (!IsAnvilFor(pid, stateFile))
            {
                File.Delete(pidFile);
                return null;
            }
            PosixSignal.TryTerminate(pid);
            using var deadline = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill();
                await process.WaitForExitAsync();
            }
            File.Delete(pidFile);
            return pid;
        }
    }

    private static bool IsAnvilFor(int pid, string stateFile)
    {
        var cmdline = $"/proc/{pid}/cmdline";
        if (!File.Exists(cmdline))
        {
            return false; // not Linux, or gone: never signal a process we cannot identify
        }
        var arguments = File.ReadAllText(cmdline).Split('\0');
        return arguments.Length > 0 && Path.GetFileName(arguments[0]).StartsWith("anvil", StringComparison.Ordinal)
            && arguments.Contains(stateFile, StringComparer.Ordinal);
    }
}
