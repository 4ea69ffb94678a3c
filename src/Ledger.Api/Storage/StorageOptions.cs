namespace Ledger.Api.Storage;

/// <summary>Where the service keeps its files (configuration section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Folder for the SQLite database and, in embedded mode, the chain state and development keys.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>SQLite connection string; defaults to <c>ledger.db</c> in <see cref="DataDirectory"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The data folder as a full path, created owner-only (0700) if missing.</summary>
    public string ResolveDataDirectory()
    {
        var full = Path.GetFullPath(DataDirectory);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(full);
        }
        else if (!Directory.Exists(full))
        {
            Directory.CreateDirectory(full, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return full;
    }

    /// <summary>The connection string to use.</summary>
    public string ResolveConnectionString() =>
        ConnectionString ?? $"Data Source={Path.Combine(ResolveDataDirectory(), "ledger.db")};Pooling=True";
}
