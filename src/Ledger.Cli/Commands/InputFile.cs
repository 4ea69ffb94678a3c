using Ledger.Cli.CommandLine;

namespace Ledger.Cli.Commands;

/// <summary>Reads an input file named on the command line ("-" for standard input).</summary>
internal static class InputFile
{
    public static async Task<string> ReadAsync(string path)
    {
        if (path == "-")
        {
            return await Console.In.ReadToEndAsync();
        }
        if (!File.Exists(path))
        {
            throw new UsageException($"No file at '{path}'.");
        }
        return await File.ReadAllTextAsync(path);
    }

    /// <summary>
    /// The raw bytes of the input, at most <paramref name="maxBytes"/> + 1 of them: one more than the limit is enough to
    /// tell the caller the input is too large without reading all of a huge file.
    /// </summary>
    /// <exception cref="UsageException">There is no such file, or it cannot be read.</exception>
    public static async Task<byte[]> ReadBytesAsync(string path, int maxBytes)
    {
        if (path != "-" && !File.Exists(path))
        {
            throw new UsageException($"No file at '{path}'.");
        }
        try
        {
            await using var stream = path == "-" ? Console.OpenStandardInput() : File.OpenRead(path);
            var buffer = new byte[maxBytes + 1];
            var length = 0;
            int read;
            while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length))) > 0)
            {
                length += read;
            }
            return buffer[..length];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"Cannot read '{path}': {e.Message}");
        }
    }
}
