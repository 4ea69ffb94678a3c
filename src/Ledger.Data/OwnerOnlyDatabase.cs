using Microsoft.Data.Sqlite;

namespace Ledger.Data;

/// <summary>
/// Keeps a SQLite database and its <c>-wal</c> and <c>-shm</c> files readable by their owner only (0600). SQLite creates
/// a database file 0644 (less the umask) and gives <c>-wal</c> and <c>-shm</c> the mode of the database file, so creating
/// that file empty and owner-only before SQLite opens it (an empty file is a new database to SQLite) covers all three.
/// </summary>
public static class OwnerOnlyDatabase
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private static readonly string[] Companions = ["", "-wal", "-shm"];

    /// <summary>
    /// Creates the database file owner-only if it is missing, and narrows an existing one and its companions that others
    /// could read. Returns the files it narrowed (for the log). Does nothing on Windows.
    /// </summary>
    public static IReadOnlyList<string> Secure(string databaseFile)
    {
        if (OperatingSystem.IsWindows())
        {
            return [];
        }
        var full = Path.GetFullPath(databaseFile);
        try
        {
            using var created = new FileStream(full, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = OwnerOnly,
            });
            return [];
        }
        catch (IOException) when (File.Exists(full))
        {
            // It exists: narrow it and its companions below.
        }
        var narrowed = new List<string>();
        foreach (var file in Companions.Select(suffix => full + suffix).Where(File.Exists))
        {
            if ((File.GetUnixFileMode(file) & ~OwnerOnly) != 0)
            {
                File.SetUnixFileMode(file, OwnerOnly);
                narrowed.Add(file);
            }
        }
        return narrowed;
    }

    /// <summary>The database file a SQLite connection string names, or null for an in-memory or URI database.</summary>
    public static string? FileOf(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var source = builder.DataSource;
        return builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(source) || source == ":memory:"
            || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            ? null
            : source;
    }
}
