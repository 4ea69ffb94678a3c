using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ledger.Cli.CommandLine;

namespace Ledger.Cli.Commands.Import;

/// <summary>
/// The result file: one JSON line per acknowledged input line — its number and the record's hash, id and salt, or the
/// status and problem that refused it — each line on disk (flushed and synced) before the next batch's answers are
/// written. Re-running an import with the same result file skips every line in it. A last line cut short by a crash is
/// dropped on opening; its input line is sent again, and its idempotency key makes that harmless.
/// </summary>
internal sealed class ImportResultFile : IAsyncDisposable
{
    private readonly FileStream _stream;
    private readonly string _source;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private ImportResultFile(FileStream stream, string source, HashSet<int> done)
    {
        _stream = stream;
        _source = source;
        Acknowledged = done;
    }

    /// <summary>The input lines already acknowledged.</summary>
    public IReadOnlySet<int> Acknowledged { get; }

    /// <summary>Opens (or creates) the result file of an import of <paramref name="source"/>.</summary>
    /// <exception cref="UsageException">It holds the results of another file's import.</exception>
    public static async Task<ImportResultFile> OpenAsync(string path, ImportSource source, CancellationToken ct)
    {
        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        try
        {
            var done = new HashSet<int>();
            var keep = await ReadAsync(stream, source.Identity, path, done, ct);
            stream.SetLength(keep);
            stream.Seek(keep, SeekOrigin.Begin);
            return new ImportResultFile(stream, source.Identity, done);
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }

    // Returns the length of the complete lines; a torn last line is cut off.
    private static async Task<long> ReadAsync(FileStream stream, string identity, string path, HashSet<int> done, CancellationToken ct)
    {
        var bytes = new byte[stream.Length];
        await stream.ReadExactlyAsync(bytes, ct);
        var complete = Array.LastIndexOf(bytes, (byte)'\n') + 1;
        foreach (var line in Encoding.UTF8.GetString(bytes, 0, complete).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var result = JsonNode.Parse(line)!;
            if (result["source"]?.GetValue<string>() != identity)
            {
                throw new UsageException($"{path} holds the results of another file (or of this file before it changed): " +
                    "name a new --result file to import this one.");
            }
            done.Add(result["line"]!.GetValue<int>());
        }
        return complete;
    }

    /// <summary>Appends results and syncs them to disk.</summary>
    public async Task AppendAsync(IReadOnlyList<JsonObject> results, CancellationToken ct)
    {
        var text = new StringBuilder();
        foreach (var result in results)
        {
            result["source"] = _source;
            text.Append(result.ToJsonString(Compact)).Append('\n');
        }
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        await _gate.WaitAsync(ct);
        try
        {
            await _stream.WriteAsync(bytes, ct);
            _stream.Flush(flushToDisk: true);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _gate.Dispose();
    }
}
