namespace Ledger.Chain.Embedded;

/// <summary>How an anvil process ended.</summary>
public enum AnvilStopKind
{
    /// <summary>It exited without being asked (a crash, a signal from elsewhere, a port lost at start).</summary>
    ExitedByItself,

    /// <summary>It exited after our SIGTERM; with exit code 0 it has written its --state file.</summary>
    Terminated,

    /// <summary>It ignored SIGTERM past the stop timeout (or could not be sent one) and was killed: nothing was saved.</summary>
    Killed,
}

/// <summary>The end of an anvil process: its exit code and how it came about.</summary>
/// <param name="ExitCode">As .NET reports it: 128 + the signal number for a process a signal ended.</param>
public sealed record AnvilExit(int ExitCode, AnvilStopKind How)
{
    /// <summary>The signal that ended the process, when one did.</summary>
    public int? Signal => ExitCode is > 128 and < 128 + 65 ? ExitCode - 128 : null;

    /// <summary>True when anvil stopped on our SIGTERM and exited cleanly, which is when it writes its state file.</summary>
    public bool CleanStop => How == AnvilStopKind.Terminated && ExitCode == 0;

    /// <summary>"exit code 2" or "killed by signal 9 (SIGKILL)", for logs.</summary>
    public string Describe() => Signal is { } signal
        ? SignalName(signal) is { } name ? $"killed by signal {signal} ({name})" : $"killed by signal {signal}"
        : $"exit code {ExitCode}";

    private static string? SignalName(int signal) => signal switch
    {
        1 => "SIGHUP",
        2 => "SIGINT",
        6 => "SIGABRT",
        9 => "SIGKILL",
        11 => "SIGSEGV",
        15 => "SIGTERM",
        _ => null,
    };
}
