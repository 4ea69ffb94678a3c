using System.Runtime.InteropServices;

namespace Ledger.Api.Chain;

/// <summary>Finds the anvil binary that the @foundry-rs/anvil npm package installed for this platform.</summary>
internal static class AnvilLocator
{
    /// <summary>The binary under the nearest node_modules above the working folder or the app, or null.</summary>
    public static string? Find()
    {
        var package = $"anvil-{Os()}-{Arch()}";
        var binary = OperatingSystem.IsWindows() ? "anvil.exe" : "anvil";
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "node_modules", "@foundry-rs", package, "bin", binary);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        return null;
    }

    private static string Os() =>
        OperatingSystem.IsLinux() ? "linux" : OperatingSystem.IsMacOS() ? "darwin" : "win32";

    private static string Arch() => RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "arm64" : "amd64";
}
