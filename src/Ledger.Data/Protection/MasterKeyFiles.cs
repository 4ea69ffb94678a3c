using Ledger.Core.Protection;

namespace Ledger.Data.Protection;

/// <summary>
/// Where master keys come from outside the database: a key file (64 hex digits or 44 base64 characters), or the
/// <c>LEDGER_MASTER_KEY</c> environment variable. Shared by the service and the operator's <c>ledger</c> tool.
/// </summary>
public static class MasterKeyFiles
{
    /// <summary>The environment variable that may hold the master key itself.</summary>
    public const string EnvironmentVariable = "LEDGER_MASTER_KEY";

    /// <summary>The key file embedded mode creates in the data folder when no key is configured.</summary>
    public const string EmbeddedFileName = "master.key";

    /// <summary>Reads a key file; the messages name the file and <paramref name="source"/>, never its content.</summary>
    /// <exception cref="InvalidOperationException">The file is missing, unreadable or not a key.</exception>
    public static MasterKey Read(string path, string source)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new InvalidOperationException($"{source} points at '{full}', which does not exist.");
        }
        try
        {
            return MasterKey.Parse(File.ReadAllText(full));
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"{source}: the file '{full}' does not hold a master key. {e.Message}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{source}: the file '{full}' cannot be read ({e.GetType().Name}).", e);
        }
    }

    /// <summary>Reads a key given as text (the environment variable); the message never repeats the text.</summary>
    public static MasterKey Parse(string text, string source)
    {
        try
        {
            return MasterKey.Parse(text);
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"{source} does not hold a master key. {e.Message}", e);
        }
    }

    /// <summary>Generates a key and writes it to a new file readable by its owner only (never world-readable, not even briefly).</summary>
    /// <exception cref="IOException">The file already exists.</exception>
    public static MasterKey CreateNew(string path, ISecureRandom? random = null)
    {
        var key = MasterKey.Generate(random);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var file = new StreamWriter(Path.GetFullPath(path), options))
        {
            file.WriteLine(key.ExportHex());
            file.Flush();
        }
        return key;
    }
}
