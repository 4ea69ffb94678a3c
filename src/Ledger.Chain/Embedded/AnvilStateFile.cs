using System.Globalization;
using System.Text.Json;

namespace Ledger.Chain.Embedded;

/// <summary>When anvil's --state file was last written, as far as the file system tells.</summary>
/// <param name="LastWriteUtc">Null when the file does not exist.</param>
public sealed record AnvilStateStamp(long Length, DateTime? LastWriteUtc)
{
    /// <summary>True when the file exists.</summary>
    public bool Exists => LastWriteUtc is not null;
}

/// <summary>
/// anvil's --state file. anvil loads it at start and rewrites it in place (same inode, same mode) on SIGTERM, on
/// SIGINT and every --state-interval seconds, but not on SIGKILL. A kill in the middle of a dump leaves it truncated,
/// and anvil then refuses to start at all; <see cref="SetAsideIfDamaged"/> keeps such a file from blocking every restart.
/// </summary>
public sealed class AnvilStateFile(string path)
{
    /// <summary>The file's full path.</summary>
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>Size and last write time now.</summary>
    public AnvilStateStamp Stamp()
    {
        var info = new FileInfo(Path);
        return info.Exists ? new AnvilStateStamp(info.Length, info.LastWriteTimeUtc) : new AnvilStateStamp(0, null);
    }

    /// <summary>True when the file exists and holds one complete JSON value (what anvil can load).</summary>
    public bool IsLoadable()
    {
        try
        {
            using var stream = File.OpenRead(Path);
            using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 256 });
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// Renames a file anvil could not load to <c>…damaged-&lt;UTC time&gt;.json</c> (kept for inspection) and returns the new
    /// path, so anvil starts with a fresh chain; returns null when the file is missing or loadable.
    /// </summary>
    public string? SetAsideIfDamaged(DateTimeOffset now)
    {
        if (!File.Exists(Path) || IsLoadable())
        {
            return null;
        }
        var stamp = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var aside = System.IO.Path.ChangeExtension(Path, null) + $".damaged-{stamp}.json";
        File.Move(Path, aside, overwrite: true);
        return aside;
    }

    /// <summary>Narrows the file to 0600 if an older version left it readable by others; true when it did.</summary>
    public bool RestrictToOwner() => OwnerOnlyFile.Restrict(Path);
}
