using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Ledger.Cli.Commands.Import;

/// <summary>The service refused the import as a whole (a wrong key), or could not be reached after retries.</summary>
internal sealed class ImportStoppedException(string message, bool unavailable) : Exception(message)
{
    /// <summary>True when the service did not answer (re-run later); false when it refused (fix the call).</summary>
    public bool Unavailable { get; } = unavailable;
}

/// <summary>
/// Sends lines to <c>POST /api/v1/records/batch</c> and turns the answers into result lines. A batch the service
/// refuses as a whole with 400 or 413 (one line too deep or too large spoils its batch) is split in two until the
/// offending line is alone and answered for itself. Failures that are nobody's fault — no connection, a 5xx, a 429, a
/// record the service could not store — are retried with backoff; lines still not stored then stop the import
/// unacknowledged, to be sent again by the next run under the same idempotency keys.
/// </summary>
internal sealed class ImportClient(HttpClient http, ImportSource source, int attempts = 6)
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(500);

    /// <summary>Stores the lines (or learns why not); returns one result per line.</summary>
    public async Task<List<JsonObject>> SendAsync(IReadOnlyList<ImportLine> lines, CancellationToken ct)
    {
        var results = new List<JsonObject>(lines.Count);
        var pending = lines;
        var backoff = FirstBackoff;
        for (var attempt = 1; pending.Count > 0; attempt++)
        {
            var retry = new List<ImportLine>();
            await SendSplittingAsync(pending, results, retry, ct);
            if (retry.Count > 0 && attempt == attempts)
            {
                throw new ImportStoppedException(
                    $"the service did not store {retry.Count} line(s) after {attempts} attempts (first: line {retry[0].Number}); " +
                    "run the same command again to continue.", unavailable: true);
            }
            if (retry.Count > 0)
            {
                await Task.Delay(backoff, ct);
                backoff *= 2;
            }
            pending = retry;
        }
        return results;
    }

    private async Task SendSplittingAsync(IReadOnlyList<ImportLine> lines, List<JsonObject> results, List<ImportLine> retry, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsync("/api/v1/records/batch", Body(lines), ct);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            retry.AddRange(lines);
            return;
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            var status = (int)response.StatusCode;
            if (response.StatusCode == HttpStatusCode.OK)
            {
                Collect(lines, JsonNode.Parse(text)!["results"]!.AsArray(), results, retry);
            }
            else if (status is 400 or 413 && lines.Count > 1)
            {
                var half = lines.Count / 2;
                await SendSplittingAsync([.. lines.Take(half)], results, retry, ct);
                await SendSplittingAsync([.. lines.Skip(half)], results, retry, ct);
            }
            else if (status is 400 or 413)
            {
                results.Add(Refused(lines[0].Number, status, ProblemOf(text)));
            }
            else if (status >= 500 || status == 429)
            {
                retry.AddRange(lines);
            }
            else
            {
                // 401, 403, 415: every line would get the same, so stop and say it once.
                var problem = ProblemOf(text);
                throw new ImportStoppedException($"the service refused the import: {status} {problem?["title"]} {problem?["detail"]}".TrimEnd(), unavailable: false);
            }
        }
    }

    private static void Collect(IReadOnlyList<ImportLine> lines, JsonArray answers, List<JsonObject> results, List<ImportLine> retry)
    {
        foreach (var answer in answers)
        {
            var line = lines[answer!["index"]!.GetValue<int>()];
            var status = answer["status"]!.GetValue<int>();
            if (answer["accepted"] is JsonObject accepted)
            {
                results.Add(new JsonObject
                {
                    ["line"] = line.Number,
                    ["status"] = status,
                    ["recordHash"] = accepted["recordHash"]!.GetValue<string>(),
                    ["id"] = accepted["id"]!.GetValue<string>(),
                    ["salt"] = accepted["salt"]!.GetValue<string>(),
                    ["replayed"] = answer["replayed"]!.GetValue<bool>(),
                });
            }
            else if (status >= 500)
            {
                retry.Add(line);
            }
            else
            {
                results.Add(Refused(line.Number, status, answer["problem"] as JsonObject));
            }
        }
    }

    /// <summary>The result line of a line that was refused, by the service or because it is not a JSON object.</summary>
    public static JsonObject Refused(int line, int status, JsonObject? problem)
    {
        var result = new JsonObject { ["line"] = line, ["status"] = status, ["title"] = problem?["title"]?.DeepClone(), ["detail"] = problem?["detail"]?.DeepClone() };
        if (problem?["errors"] is JsonObject errors)
        {
            result["errors"] = errors.DeepClone();
        }
        if (problem?["rule"] is { } rule)
        {
            result["rule"] = rule.DeepClone();
        }
        return result;
    }

    private StringContent Body(IReadOnlyList<ImportLine> lines)
    {
        var records = new JsonArray();
        foreach (var line in lines)
        {
            records.Add(new JsonObject { ["idempotencyKey"] = source.IdempotencyKey(line.Number), ["record"] = line.Record!.DeepClone() });
        }
        return new StringContent(new JsonObject { ["records"] = records }.ToJsonString(), Encoding.UTF8, "application/json");
    }

    private static JsonObject? ProblemOf(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
