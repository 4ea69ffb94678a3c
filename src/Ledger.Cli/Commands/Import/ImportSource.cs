using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ledger.Cli.CommandLine;

namespace Ledger.Cli.Commands.Import;

/// <summary>One non-blank line of the input: its number (from 1) and either the record it holds or why it holds none.</summary>
internal sealed record ImportLine(int Number, JsonObject? Record, string? Malformed);

/// <summary>
/// A JSON-lines file to import and its identity: the SHA-256 of its bytes. The identity names the file in the result
/// file and in every idempotency key, so a line sent again — after a crash, or by a second run — is the same request
/// to the service and never a second record, while a changed file is another import.
/// </summary>
internal sealed class ImportSource
{
    private ImportSource(string path, string identity, int lines)
    {
        Path = path;
        Identity = identity;
        RecordLines = lines;
    }

    public string Path { get; }

    /// <summary>Lowercase hex SHA-256 of the file.</summary>
    public string Identity { get; }

    /// <summary>How many non-blank lines the file has.</summary>
    public int RecordLines { get; }

    /// <summary>The idempotency key of a line: the file's identity and the line's number.</summary>
    public string IdempotencyKey(int line) => $"ledger-import:{Identity[..32]}:{line}";

    public static async Task<ImportSource> OpenAsync(string path, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"No file at '{path}'.");
        }
        await using var stream = File.OpenRead(path);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[64 * 1024];
        var (lines, blank) = (0, true);
        int read;
        while ((read = await stream.ReadAsync(buffer, ct)) > 0)
        {
            sha.AppendData(buffer, 0, read);
            foreach (var b in buffer.AsSpan(0, read))
            {
                if (b == (byte)'\n')
                {
                    lines += blank ? 0 : 1;
                    blank = true;
                }
                else if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
                {
                    blank = false;
                }
            }
        }
        return new ImportSource(path, Convert.ToHexStringLower(sha.GetHashAndReset()), lines + (blank ? 0 : 1));
    }

    /// <summary>The file's non-blank lines, read one at a time; a line that is not one JSON object says why.</summary>
    public async IAsyncEnumerable<ImportLine> LinesAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        using var reader = new StreamReader(Path, new UTF8Encoding(false, throwOnInvalidBytes: false), detectEncodingFromByteOrderMarks: false);
        var number = 0;
        while (await reader.ReadLineAsync(ct) is { } text)
        {
            number++;
            if (!string.IsNullOrWhiteSpace(text))
            {
                yield return Parse(number, text);
            }
        }
    }

    private static ImportLine Parse(int number, string text)
    {
        if (text.Contains('\uFFFD', StringComparison.Ordinal))
        {
            return new ImportLine(number, null, "not valid UTF-8 (or it contains U+FFFD)");
        }
        try
        {
            return JsonNode.Parse(text) is JsonObject record
                ? new ImportLine(number, record, null)
                : new ImportLine(number, null, "not a JSON object: each line is one record, as the body of POST /api/v1/records");
        }
        catch (JsonException e)
        {
            // The parser's position, never the content: a line may hold personal data.
            return new ImportLine(number, null, $"not valid JSON (at byte {e.BytePositionInLine + 1})");
        }
    }
}
