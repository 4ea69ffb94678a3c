using System.Runtime.InteropServices;

namespace Ledger.Chain.Embedded;

/// <summary>Sends SIGTERM: .NET's Process.Kill sends SIGKILL, which would skip anvil's state dump.</summary>
internal static class PosixSignal
{
    private const int SigTerm = 15;

    public static bool TryTerminate(int processId) => !OperatingSystem.IsWindows() && NativeMethods.kill(processId, SigTerm) == 0;

    private static class NativeMethods
    {
        // A blittable signature, so the classic DllImport needs no unsafe code or marshalling stubs.
        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int kill(int pid, int sig);
    }
}
