using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Ledger.Cli.CommandLine;

namespace Ledger.Cli.Commands;

/// <summary>
/// <c>ledger status --api &lt;url&gt;</c>: the operator's view of a running service — backlog, chain head, recent
/// batches and stuck items. The key comes from <c>--key</c> or, better (shell history), <c>LEDGER_API_KEY</c>.
/// </summary>
internal sealed class StatusCommand : LedgerCommand
{
    private const string ExampleUrl = "http://127.0.0.1:5080";

    private readonly RequiredOption<Uri> _api = new("--api", "url", ExampleUrl, "The running service's base URL.")
    {
        CustomParser = ServiceUrl,
    };

    private readonly Option<string?> _key = Symbols.Optional("--key", "key",
        "An admin or auditor API key; LEDGER_API_KEY is better (it stays out of the shell's history).");

    private readonly Option<bool> _json = Symbols.Flag("--json", "Print the service's JSON answer as it is.");

    public StatusCommand() : base("status",
        "Show a running service's backlog, chain head, recent and stuck batches (admin or auditor key in LEDGER_API_KEY or --key).")
    {
        Options.Add(_api);
        Options.Add(_key);
        Options.Add(_json);
    }

    protected override async Task<int> RunAsync(ParseResult result, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var baseUri = result.GetRequiredValue(_api);
        var key = result.GetValue(_key) ?? Environment.GetEnvironmentVariable("LEDGER_API_KEY");
        if (string.IsNullOrEmpty(key))
        {
            throw new UsageException("status needs an admin or auditor API key in LEDGER_API_KEY (or --key).");
        }
        using var http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync("/api/v1/status", ct);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            await error.WriteLineAsync($"error: the service at {baseUri} did not answer ({e.Message}).");
            return CliApp.Unavailable;
        }
        var body = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            await error.WriteLineAsync($"error: {(int)response.StatusCode} {ProblemTitle(body)}");
            return CliApp.Invalid;
        }
        var status = JsonDocument.Parse(body).RootElement;
        await output.WriteLineAsync(result.GetValue(_json) ? body : Render(status));
        return 0;
    }

    internal static Uri? ServiceUrl(ArgumentResult result)
    {
        if (Uri.TryCreate(result.Tokens[0].Value, UriKind.Absolute, out var uri))
        {
            return uri;
        }
        result.AddError($"--api must be the service's URL, e.g. --api {ExampleUrl}.");
        return null;
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
