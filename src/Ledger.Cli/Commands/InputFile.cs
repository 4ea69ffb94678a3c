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
}
