namespace Ledger.Chain.Embedded;

/// <summary>Files of the embedded chain that only the service's own user may read (mode 0600).</summary>
internal static class OwnerOnlyFile
{
    private const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Writes <paramref name="text"/>, creating the file 0600 (never readable by others, not even briefly).</summary>
    public static void WriteAllText(string path, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = Mode;
        }
        using (var writer = new StreamWriter(path, options))
        {
            writer.Write(text);
        }
        Restrict(path); // a file that existed before keeps its old mode through FileMode.Create
    }

    /// <summary>Narrows an existing file to 0600; returns true when it was wider.</summary>
    public static bool Restrict(string path)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(path) || File.GetUnixFileMode(path) == Mode)
        {
            return false;
        }
        File.SetUnixFileMode(path, Mode);
        return true;
    }
}
