using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Ledger.Cli.CommandLine;

namespace Ledger.Cli.Commands.Import;

/// <summary>
/// <c>ledger import FILE.jsonl --api URL --key KEY [--result FILE]</c>: submits every line of a JSON-lines file (one
/// record per line, as the body of <c>POST /api/v1/records</c>) through the batch endpoint, and writes what became of
/// each line to the result file. Resumable: run it again with the same result file and it sends only the lines not yet
/// acknowledged; each line's idempotency key (the file's SHA-256 and the line number) keeps a line sent twice from
/// becoming two records.
/// </summary>
internal sealed class ImportCommand : LedgerCommand
{
    private const int ShownRefusals = 20;

    private readonly Argument<string> _file = Symbols.Value("FILE", "A JSON-lines file: one record per line, as the body of POST /api/v1/records.");
    private readonly RequiredOption<Uri> _api = new("--api", "url", "http://127.0.0.1:5080", "The service's base URL.")
    {
        CustomParser = StatusCommand.ServiceUrl,
    };
    private readonly Option<string?> _key = Symbols.Optional("--key", "key",
        "The API key the records are submitted with; LEDGER_API_KEY is better (it stays out of the shell's history).");
    private readonly Option<string?> _result = Symbols.Optional("--result", "file",
        "Where each line's outcome goes, one JSON line per input line (default: FILE.result.jsonl). Run again with the same file to resume.");
    private readonly Option<int> _batch = new("--batch-size") { HelpName = "n", Description = "Records per request (1–1000).", DefaultValueFactory = _ => 500 };
    private readonly Option<int> _parallel = new("--parallel") { HelpName = "n", Description = "Requests in flight at once (1–64).", DefaultValueFactory = _ => 4 };

    public ImportCommand() : base("import",
        "Submit the records of a JSON-lines file in batches, with a result line per input line; resumable with the same result file.")
    {
        Arguments.Add(_file);
        Options.Add(_api);
        Options.Add(_key);
        Options.Add(_result);
        Options.Add(_batch);
        Options.Add(_parallel);
        _batch.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 1000) { r.AddError("--batch-size must be 1 to 1000."); } });
        _parallel.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 64) { r.AddError("--parallel must be 1 to 64."); } });
    }

    public override string? HelpEpilogue => """
        Each line of the result file is {"line": N, "status": 202, "recordHash": "0x…", "id": "…", "salt": "0x…"} or
        {"line": N, "status": 400, "title": "…", "errors": {"payload.result": ["…"]}}; keep the salts. Exit code 0 when
        every line is stored, 1 when some were refused (they are listed), 3 when the service could not be reached:
        run the same command again to continue where it stopped.
        """;

    protected override async Task<int> RunAsync(ParseResult result, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var api = result.GetRequiredValue(_api);
        var key = result.GetValue(_key) ?? Environment.GetEnvironmentVariable("LEDGER_API_KEY");
        if (string.IsNullOrEmpty(key))
        {
            throw new UsageException("import needs the API key to submit with, in LEDGER_API_KEY (or --key).");
        }
        var file = result.GetRequiredValue(_file);
        var source = await ImportSource.OpenAsync(file, ct);
        var resultPath = result.GetValue(_result) ?? file + ".result.jsonl";
        await using var results = await ImportResultFile.OpenAsync(resultPath, source, ct);
        using var http = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);

        var tally = new ImportTally();
        var clock = Stopwatch.StartNew();
        try
        {
            await ImportProgress.ShowAsync(error, source.RecordLines, results.Acknowledged.Count, progress =>
                RunBatchesAsync(source, results, new ImportClient(http, source), result.GetValue(_batch), result.GetValue(_parallel), progress, tally, ct));
        }
        catch (ImportStoppedException stopped)
        {
            await ReportAsync(output, error, tally, clock.Elapsed, resultPath);
            await error.WriteLineAsync($"error: {stopped.Message}");
            return stopped.Unavailable ? CliApp.Unavailable : CliApp.Invalid;
        }
        await ReportAsync(output, error, tally, clock.Elapsed, resultPath);
        return tally.Refused == 0 ? CliApp.Valid : CliApp.Invalid;
    }

    private static async Task<int> RunBatchesAsync(ImportSource source, ImportResultFile results, ImportClient client, int size, int parallel,
        ImportProgress progress, ImportTally tally, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var batches = Channel.CreateBounded<List<ImportLine>>(parallel);
        var senders = Enumerable.Range(0, parallel).Select(_ => Task.Run(async () =>
        {
            try
            {
                await foreach (var batch in batches.Reader.ReadAllAsync(stop.Token))
                {
                    var answered = batch.Where(l => l.Malformed is not null)
                        .Select(l => ImportClient.Refused(l.Number, 400, new JsonObject { ["title"] = "Malformed line", ["detail"] = $"Line {l.Number} is {l.Malformed}." }))
                        .ToList();
                    var records = batch.Where(l => l.Malformed is null).ToList();
                    if (records.Count > 0)
                    {
                        answered.AddRange(await client.SendAsync(records, stop.Token));
                    }
                    await results.AppendAsync(answered, stop.Token);
                    tally.Add(answered);
                    progress.Advance(answered.Count);
                }
            }
            catch
            {
                // One sender's failure ends the import: the others stop taking batches, and what was written stays.
                await stop.CancelAsync();
                throw;
            }
        }, CancellationToken.None)).ToList();

        try
        {
            var batch = new List<ImportLine>(size);
            await foreach (var line in source.LinesAsync(stop.Token))
            {
                if (results.Acknowledged.Contains(line.Number))
                {
                    continue;
                }
                batch.Add(line);
                if (batch.Count == size)
                {
                    await batches.Writer.WriteAsync(batch, stop.Token);
                    batch = new List<ImportLine>(size);
                }
            }
            if (batch.Count > 0)
            {
                await batches.Writer.WriteAsync(batch, stop.Token);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            // A sender failed; its exception is the one to report.
        }
        batches.Writer.TryComplete();
        try
        {
            await Task.WhenAll(senders);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The senders that were stopped; the one that failed is rethrown below.
        }
        if (senders.FirstOrDefault(s => s.Exception?.InnerException is ImportStoppedException) is { } failed)
        {
            throw failed.Exception!.InnerException!;
        }
        return tally.Stored;
    }

    private static async Task ReportAsync(TextWriter output, TextWriter error, ImportTally tally, TimeSpan elapsed, string resultPath)
    {
        foreach (var refused in tally.FirstRefusals(ShownRefusals))
        {
            await error.WriteLineAsync(ImportTally.Describe(refused));
        }
        if (tally.Refused > ShownRefusals)
        {
            await error.WriteLineAsync($"… and {tally.Refused - ShownRefusals:N0} more refused lines in {resultPath}.");
        }
        var rate = elapsed.TotalSeconds > 0 ? (tally.Stored + tally.Replayed) / elapsed.TotalSeconds : 0;
        await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture,
            "Imported {0:N0} records ({1:N0} new, {2:N0} stored by an earlier run), refused {3:N0} lines, in {4:N1} s ({5:N0} records/s). Results: {6}",
            tally.Stored + tally.Replayed, tally.Stored, tally.Replayed, tally.Refused, elapsed.TotalSeconds, rate, resultPath));
    }
}
