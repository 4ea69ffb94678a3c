using System.Text;

namespace Ledger.Api.Tests.Protection;

/// <summary>The raw bytes of a service's SQLite files (database, write-ahead log, shared memory), read while it runs.</summary>
internal static class StoreFiles
{
    /// <summary>True when <paramref name="text"/> (UTF-8) appears anywhere in the database files of <paramref name="dataDirectory"/>.</summary>
    public static bool Contain(string dataDirectory, string text) => Contain(dataDirectory, Encoding.UTF8.GetBytes(text));

    /// <summary>True when <paramref name="bytes"/> appear anywhere in the database files.</summary>
    public static bool Contain(string dataDirectory, byte[] bytes) =>
        new[] { "ledger.db", "ledger.db-wal", "ledger.db-shm" }
            .Select(name => Path.Combine(dataDirectory, name))
            .Where(File.Exists)
            .Any(path => ReadShared(path).AsSpan().IndexOf(bytes) >= 0);

    private static byte[] ReadShared(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        file.CopyTo(copy);
        return copy.ToArray();
    }
}
