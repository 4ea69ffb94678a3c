using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Ledger.Cli.Commands;

/// <summary>
/// <c>ledger status --api &lt;url&gt;</c>: the operator's view of a running service — backlog, chain head, recent
/// batches and stuck items. The key comes from <c>--key</c> or, better (shell history), <c>LEDGER_API_KEY</c>.
/// </summary>
internal static class StatusCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        string? api = null;
        var key = Environment.GetEnvironmentVariable("LEDGER_API_KEY");
        var json = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--api" when i + 1 < args.Length: api = args[++i]; break;
                case "--key" when i + 1 < args.Length: key = args[++i]; break;
                case "--json": json = true; break;
                default: throw new UsageException($"Unexpected argument '{args[i]}'.");
            }
        }
        if (api is null || !Uri.TryCreate(api, UriKind.Absolute, out var baseUri))
        {
            throw new UsageException("status needs --api <service url>, e.g. --api http://127.0.0.1:5080.");
        }
        if (string.IsNullOrEmpty(key))
        {
            throw new UsageException("status needs an admin or auditor API key in LEDGER_API_KEY (or --key).");
        }
        using var http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync("/api/v1/status");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            await error.WriteLineAsync($"error: the service at {baseUri} did not answer ({e.Message}).");
            return CliApp.Unavailable;
        }
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            await error.WriteLineAsync($"error: {(int)response.StatusCode} {ProblemTitle(body)}");
            return CliApp.Invalid;
        }
        var status = JsonDocument.Parse(body).RootElement;
        await output.WriteLineAsync(json ? body : Render(status));
        return 0;
    }

    private static string Render(JsonElement s)
    {
        var lines = new List<string>();
        var backlog = s.GetProperty("backlog");
        var chain = s.GetProperty("chain");
        lines.Add($"as of {s.GetProperty("asOf").GetDateTimeOffset().ToUniversalTime():yyyy-MM-dd HH:mm:ss} UTC");
        lines.Add($"backlog: {backlog.GetProperty("waitingRecords").GetInt32()} records waiting"
            + (backlog.GetProperty("oldestWaitingSince").ValueKind == JsonValueKind.String ? $" (oldest since {backlog.GetProperty("oldestWaitingSince").GetDateTimeOffset().ToUniversalTime():HH:mm:ss} UTC)" : "")
            + $", {backlog.GetProperty("openBatches").GetInt32()} open batches holding {backlog.GetProperty("recordsInOpenBatches").GetInt32()} records");
        lines.Add(chain.GetProperty("connected").GetBoolean()
            ? $"chain:   {chain.GetProperty("chainId")} head {chain.GetProperty("head")}, contract {chain.GetProperty("contract").GetString()}, sender {chain.GetProperty("sender").GetString()}"
            : $"chain:   NOT CONNECTED — {chain.GetProperty("problem").GetString()}");
        if (s.TryGetProperty("leader", out var leader) && leader.ValueKind == JsonValueKind.Object)
        {
            lines.Add($"leader:  {leader.GetProperty("holder").GetString()} until {leader.GetProperty("expiresAt").GetDateTimeOffset().ToUniversalTime():HH:mm:ss} UTC");
        }
        lines.Add("recent batches:");
        lines.AddRange(Batches(s.GetProperty("recentBatches")));
        var stuck = s.GetProperty("stuck");
        lines.Add(stuck.GetArrayLength() == 0 ? "stuck: none" : "STUCK:");
        lines.AddRange(Batches(stuck));
        return string.Join(Environment.NewLine, lines);
    }

    private static IEnumerable<string> Batches(JsonElement batches) => batches.EnumerateArray().Select(b =>
        FormattableString.Invariant(
            $"  #{b.GetProperty("id").GetInt64(),-5} {b.GetProperty("state").GetString(),-10} {b.GetProperty("leafCount").GetInt32(),6} records  block {(b.GetProperty("blockNumber").ValueKind == JsonValueKind.Number ? b.GetProperty("blockNumber").GetUInt64().ToString(CultureInfo.InvariantCulture) : "-"),-8} attempts {b.GetProperty("attempts").GetInt32()}")
            + (b.GetProperty("lastError").GetString() is { } e ? $"  last error: {e}" : ""));

    private static string ProblemTitle(string body)
    {
        try
        {
            var problem = JsonDocument.Parse(body).RootElement;
            return $"{problem.GetProperty("title").GetString()}: {problem.GetProperty("detail").GetString()}";
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return "(no problem details)";
        }
    }
}
