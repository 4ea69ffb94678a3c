using Ledger.Data;

namespace Ledger.Api.Storage;

/// <summary>
/// The data folder holds the database, the master key, the embedded API keys and the chain state, so only the
/// service's user may read it. <see cref="StorageOptions"/> creates it 0700; here, at start, an existing folder that
/// others can read (made by an older version) is narrowed to 0700 and database files to 0600, each change logged.
/// </summary>
internal static class PrivateDataFolder
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Narrows the data folder and the database files, and creates a missing database file owner-only.</summary>
    public static void Secure(StorageOptions options, ILogger log)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        var folder = options.ResolveDataDirectory();
        var mode = File.GetUnixFileMode(folder);
        if ((mode & ~OwnerOnly) != 0)
        {
            File.SetUnixFileMode(folder, OwnerOnly);
            log.LogWarning("The data folder {Folder} was open to other users (mode {OldMode}); made it owner-only (700).", folder, Octal(mode));
        }
        if (options.Provider == StorageProvider.Sqlite && OwnerOnlyDatabase.FileOf(options.ResolveConnectionString()) is { } database)
        {
            foreach (var file in OwnerOnlyDatabase.Secure(database))
            {
                log.LogWarning("{File} was readable by other users; made it owner-only (600).", file);
            }
        }
    }

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode, 8);
}
