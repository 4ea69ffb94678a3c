using System.IO.Compression;

namespace Ledger.Verification.Evidence;

/// <summary>
/// The files of an evidence package, read from its ZIP before anything in them is believed: bounded in number and
/// size (a ZIP can promise a small file and inflate to gigabytes), with plain relative names only, none twice.
/// </summary>
internal sealed class PackageFiles
{
    /// <summary>The most files a package may hold.</summary>
    public const int MaxFiles = 100_000;

    /// <summary>The largest file read; a record's envelope is a few kilobytes.</summary>
    public const long MaxFileBytes = 8L << 20;

    /// <summary>The most bytes read in all.</summary>
    public const long MaxTotalBytes = 512L << 20;

    private readonly Dictionary<string, byte[]> _files;

    private PackageFiles(Dictionary<string, byte[]> files) => _files = files;

    /// <summary>Every file name, in the order read.</summary>
    public IEnumerable<string> Names => _files.Keys;

    /// <summary>The bytes of <paramref name="name"/>, or null when the package has no such file.</summary>
    public byte[]? this[string name] => _files.GetValueOrDefault(name);

    /// <summary>The package's files, or the reason it is not a package that can be read.</summary>
    public static (PackageFiles? Files, string? Problem) Read(Stream zip)
    {
        try
        {
            using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
            if (archive.Entries.Count > MaxFiles)
            {
                return (null, $"the ZIP holds {archive.Entries.Count} files, more than any package ({MaxFiles}).");
            }
            var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            long total = 0;
            foreach (var entry in archive.Entries.Where(e => !e.FullName.EndsWith('/')))
            {
                if (NameProblem(entry.FullName) is { } problem)
                {
                    return (null, problem);
                }
                var bytes = ReadCapped(entry);
                total += bytes?.Length ?? 0;
                if (bytes is null || total > MaxTotalBytes)
                {
                    return (null, $"{ValueText.Quote(entry.FullName)} inflates beyond the sizes a package holds.");
                }
                if (!files.TryAdd(entry.FullName, bytes))
                {
                    return (null, $"the ZIP holds {ValueText.Quote(entry.FullName)} twice.");
                }
            }
            return (new PackageFiles(files), null);
        }
        catch (InvalidDataException e)
        {
            return (null, $"the file is not a readable ZIP: {ValueText.Plain(e.Message)}");
        }
    }

    private static string? NameProblem(string name) =>
        name.Length is 0 or > 200 || name.StartsWith('/') || name.Contains('\\') || name.Split('/').Any(part => part is "" or "." or "..")
        || name.Any(c => char.IsControl(c))
            ? $"the ZIP holds a file named {ValueText.Quote(name)}, which no package has."
            : null;

    private static byte[]? ReadCapped(ZipArchiveEntry entry)
    {
        if (entry.Length > MaxFileBytes)
        {
            return null;
        }
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            if (buffer.Length + read > MaxFileBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
