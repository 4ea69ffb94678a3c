using Ledger.Api.Settings;
using Ledger.Data;

namespace Ledger.Api.Storage;

/// <summary>Where the service keeps its files (configuration section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Folder for the SQLite database and, in embedded mode, the chain state and development keys.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary><c>Sqlite</c> (the default: one file, one machine) or <c>PostgreSql</c> (several instances may share it).</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>
    /// The database's connection string: for SQLite it defaults to <c>ledger.db</c> in <see cref="DataDirectory"/>;
    /// PostgreSQL requires it (an Npgsql connection string: <c>Host=…;Port=…;Database=…;Username=…</c>).
    /// </summary>
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
    public string ResolveConnectionString() => Provider switch
    {
        StorageProvider.PostgreSql => string.IsNullOrWhiteSpace(ConnectionString)
            ? throw new StartupRefusedException("Storage:Provider is PostgreSql but Storage:ConnectionString is not set; give an Npgsql connection string (Host=…;Database=…;Username=…).")
            : ConnectionString,
        _ => ConnectionString ?? $"Data Source={Path.Combine(ResolveDataDirectory(), "ledger.db")};Pooling=True",
    };
}
