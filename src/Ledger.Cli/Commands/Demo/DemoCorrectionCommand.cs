using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.Json;
using Ledger.Cli.CommandLine;
using Ledger.Core.Records.Types.CommunityCorrection;

namespace Ledger.Cli.Commands.Demo;

/// <summary>
/// <c>ledger demo correction --api &lt;url&gt; --data-dir &lt;dir&gt;</c>: plays the 60-day community-correction scenario
/// (<see cref="CorrectionScenario"/>) on a running embedded instance, with the embedded keys in its data folder: the
/// Lingyin judicial office keeps the case, the Xihu judicial bureau approves, so the correction-officer key printed at
/// start-up (the bureau's, same district) sees the case and its alerts. Prints each request, then the alerts and
/// whether they are exactly the expected ones.
/// </summary>
internal sealed class DemoCorrectionCommand : LedgerCommand
{
    private const string KeysFile = "embedded-keys.json";

    private readonly RequiredOption<Uri> _api = new("--api", "url", "http://127.0.0.1:5080", "The running embedded instance's base URL.")
    {
        CustomParser = ServiceUrl,
    };

    private readonly RequiredOption<string> _dataDirectory = new(OperatorStore.DataDirOption, "dir", "data",
        $"Its data folder (Storage:DataDirectory), for the demo keys in {KeysFile}.");

    private readonly Option<string?> _caseRef = Symbols.Optional("--case-ref", "ref", "The case reference to use; a new one each run by default.");

    private readonly Option<Uri?> _rpc = new("--rpc")
    {
        HelpName = "url",
        Description = "The chain's JSON-RPC URL, to check the evidence package against; by default the embedded node's (anvil.port in the data folder).",
        CustomParser = VerifyCommand.RpcUrl,
    };

    public DemoCorrectionCommand() : base("correction",
        "Create 60 days of a community-correction case on a running embedded instance and show its compliance alerts.")
    {
        Options.Add(_api);
        Options.Add(_dataDirectory);
        Options.Add(_caseRef);
        Options.Add(_rpc);
    }

    /// <inheritdoc />
    public override string HelpEpilogue => """
        The case: daily check-ins with four missed (three in a row), one outside the district, a 5-day leave approved by
        the judicial office and a 10-day leave only the bureau may approve (the office's attempts are refused: 422, 403),
        weekly reports with one missing, two visits, a positioning approval that expires, and a four-month renewal that
        is refused. Its last day is yesterday; alerts are judged as of today. Then, once every record is confirmed on
        chain, it asks for the case's evidence package, writes it to the data folder (evidence-<case>.zip) once its own
        access-trail event is confirmed too, and checks it as `ledger verify-package` does, printing the verdict.
        Exit 0 when every answer and every alert is as expected and the package is valid, 1 otherwise, 3 when the
        service or the chain does not answer.
        """;

    protected override async Task<int> RunAsync(ParseResult result, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var keys = await ReadKeysAsync(result.GetRequiredValue(_dataDirectory), ct);
        var baseUri = result.GetRequiredValue(_api);
        var clients = new Dictionary<string, HttpClient>();
        HttpClient ClientFor(string name)
        {
            if (!clients.TryGetValue(name, out var client))
            {
                client = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(60) };
                client.DefaultRequestHeaders.Add("X-Api-Key", keys.TryGetValue(name, out var key) ? key
                    : throw new UsageException($"{KeysFile} has no key named {name}; is this an embedded instance's data folder?"));
                clients[name] = client;
            }
            return client;
        }
        var start = CorrectionScenario.StartFor(DateTimeOffset.UtcNow);
        var caseRef = result.GetValue(_caseRef) ?? $"SQJZ-DEMO-{Guid.NewGuid().ToString("N")[..8]}";
        await output.WriteLineAsync($"Case {caseRef} in Xihu district (330106), from {CorrectionCalendar.Format(start)}, kept by the Lingyin judicial office:");
        var dataDirectory = result.GetRequiredValue(_dataDirectory);
        try
        {
            var outcome = await ScenarioRunner.PlayAsync(ClientFor, caseRef, start, output, ct);
            await ReportAsync(outcome, output, error);
            var package = await PackageAsync(ClientFor(CorrectionScenario.OfficeKey), outcome, dataDirectory, output, ct);
            var rpc = result.GetValue(_rpc) ?? EmbeddedRpc(dataDirectory);
            var verdict = await VerifyPackageCommand.CheckAsync(package, rpc, new Verification.VerifyOptions(), null, output, error, ct);
            return outcome.AsExpected ? verdict : CliApp.Invalid;
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException)
        {
            await error.WriteLineAsync($"error: the service at {baseUri} did not answer as expected ({e.Message}).");
            return CliApp.Unavailable;
        }
        finally
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }
        }
    }

    // The package of the scenario's 60 days, as a court receives it, written to the data folder.
    private static async Task<byte[]> PackageAsync(HttpClient office, ScenarioOutcome outcome, string dataDirectory, TextWriter output, CancellationToken ct)
    {
        await output.WriteLineAsync();
        await output.WriteLineAsync($"Waiting for the case's {outcome.RecordHashes.Count} records to be confirmed on chain, then for the evidence package of days 0 to {CorrectionScenario.Days - 1}…");
        await EvidenceDownload.WaitForConfirmedAsync(office, outcome.RecordHashes, Patience, ct);
        var zip = await EvidenceDownload.FetchAsync(office, outcome.CaseRef, outcome.Start, outcome.Start.AddDays(CorrectionScenario.Days - 1),
            "demo: evidence package of the scenario", Patience, ct);
        var path = Path.GetFullPath(Path.Combine(dataDirectory, $"evidence-{outcome.CaseRef}.zip"));
        await File.WriteAllBytesAsync(path, zip, ct);
        await output.WriteLineAsync($"Evidence package written to {path} ({zip.Length:N0} bytes). Its check (ledger verify-package):");
        return zip;
    }

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private static Uri EmbeddedRpc(string dataDirectory) =>
        Ledger.Chain.Embedded.AnvilPortFile.Read(Path.Combine(dataDirectory, "anvil.port")) is { } port
            ? new Uri($"http://127.0.0.1:{port}")
            : throw new UsageException($"no anvil.port in {dataDirectory}: pass the chain's URL with --rpc to check the evidence package.");

    private static async Task ReportAsync(ScenarioOutcome outcome, TextWriter output, TextWriter error)
    {
        var asOf = CorrectionCalendar.Format(CorrectionScenario.AsOf(outcome.Start));
        await output.WriteLineAsync();
        await output.WriteLineAsync($"Alerts as of {asOf}:");
        foreach (var alert in outcome.Alerts)
        {
            await output.WriteLineAsync($"  {CorrectionCalendar.Format(outcome.Start.AddDays(alert.Day))}  (day {alert.Day,2})  {alert.Kind}");
        }
        foreach (var failure in outcome.Failures)
        {
            await error.WriteLineAsync($"unexpected: {failure}");
        }
        if (outcome.AsExpected)
        {
            await output.WriteLineAsync($"All {outcome.Alerts.Count} alerts are exactly the expected ones, and every request got the expected answer.");
        }
        else if (!outcome.Alerts.SequenceEqual(CorrectionScenario.Alerts))
        {
            await error.WriteLineAsync($"The alerts differ from the expected: {string.Join(", ", CorrectionScenario.Alerts.Select(a => $"{a.Kind} day {a.Day}"))}.");
        }
        await output.WriteLineAsync();
        await output.WriteLineAsync("See them with the correction-officer key printed at start-up (the Xihu bureau's, same district):");
        await output.WriteLineAsync($"  GET /api/v1/correction/cases/{outcome.CaseRef}/alerts?asOf={asOf}   (header X-Access-Purpose: why you read it)");
        await output.WriteLineAsync($"  GET /api/v1/correction/alerts?asOf={asOf}                          (every open case of the district)");
        await output.WriteLineAsync($"  POST /api/v1/correction/cases/{outcome.CaseRef}/evidence {{\"from\":\"{CorrectionCalendar.Format(outcome.Start)}\",\"to\":\"{CorrectionCalendar.Format(outcome.Start.AddDays(CorrectionScenario.Days - 1))}\"}}   (202: fetch it at its Location)");
    }

    private static async Task<Dictionary<string, string>> ReadKeysAsync(string dataDirectory, CancellationToken ct)
    {
        var path = Path.Combine(dataDirectory, KeysFile);
        if (!File.Exists(path))
        {
            throw new UsageException($"no {KeysFile} in {dataDirectory}: the demo needs the data folder of a running embedded instance (scripts/run).");
        }
        return JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllTextAsync(path, ct)) ?? [];
    }

    private static Uri? ServiceUrl(ArgumentResult result)
    {
        if (Uri.TryCreate(result.Tokens[0].Value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return uri;
        }
        result.AddError("--api must be the service's http(s) URL, e.g. --api http://127.0.0.1:5080.");
        return null;
    }
}
