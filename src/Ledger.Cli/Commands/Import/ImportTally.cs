using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Ledger.Cli.Commands.Import;

/// <summary>Counts an import's outcomes as batches finish, and keeps the first refusals to show.</summary>
internal sealed class ImportTally
{
    private readonly ConcurrentQueue<JsonObject> _refusals = new();
    private int _stored;
    private int _replayed;
    private int _refused;

    public int Stored => _stored;
    public int Replayed => _replayed;
    public int Refused => _refused;

    public void Add(IEnumerable<JsonObject> results)
    {
        foreach (var result in results)
        {
            if (result["recordHash"] is null)
            {
                Interlocked.Increment(ref _refused);
                _refusals.Enqueue(result);
            }
            else if (result["replayed"]!.GetValue<bool>())
            {
                Interlocked.Increment(ref _replayed);
            }
            else
            {
                Interlocked.Increment(ref _stored);
            }
        }
    }

    /// <summary>The refused lines with the lowest numbers.</summary>
    public IEnumerable<JsonObject> FirstRefusals(int count) => _refusals.OrderBy(r => r["line"]!.GetValue<int>()).Take(count);

    /// <summary>One line for a person: the line number, the status and title, and each field with what is wrong with it.</summary>
    public static string Describe(JsonObject refused)
    {
        var fields = refused["errors"] is JsonObject errors
            ? string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value!.AsArray().Select(m => m!.GetValue<string>()))}"))
            : refused["detail"]?.GetValue<string>() ?? "";
        return $"line {refused["line"]}: {refused["status"]} {refused["title"]?.GetValue<string>()}{(fields.Length > 0 ? " — " + fields : "")}";
    }
}
