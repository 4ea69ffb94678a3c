using System.Globalization;

namespace Ledger.Chain.Embedded;

/// <summary>
/// Remembers the port the embedded node of a data folder listens on, so that the next start (or a restart after a
/// crash) serves the same chain at the same URL and saved <c>--rpc</c> URLs keep working.
/// </summary>
public static class AnvilPortFile
{
    /// <summary>The remembered port, or null when none is (or the file is not a port number).</summary>
    public static int? Read(string portFile) =>
        File.Exists(portFile) && int.TryParse(File.ReadAllText(portFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            && port is > 0 and <= 65535
            ? port
            : null;

    /// <summary>Remembers <paramref name="port"/> (file mode 0600).</summary>
    public static void Write(string portFile, int port) =>
        OwnerOnlyFile.WriteAllText(portFile, port.ToString(CultureInfo.InvariantCulture));
}
