using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Ledger.Cli;
using Ledger.Testing;

namespace Ledger.Api.Tests.Records.Import;

/// <summary><c>ledger import</c> against the service as users run it: a real process on embedded defaults.</summary>
public sealed class ImportCommandTests(ImportServiceFixture fixture) : IClassFixture<ImportServiceFixture>
{
    [Fact]
    public async Task EveryLineIsStoredOrRefusedWithItsLineNumberAndFieldAndTheOthersGoOn()
    {
        var lot = Lot();
        var lines = Enumerable.Range(1, 40).Select(i => Inspection($"{lot}-{i}")).ToList();
        lines[9] = "{ \"domain\": \"food-safety\", \"type\": ";                                     // line 10: cut off
        lines[19] = Inspection($"{lot}-20").Replace("\"pass\"", "\"maybe\"", StringComparison.Ordinal);  // line 20: a bad result
        var file = await WriteAsync(lines);

        var (code, output, error) = await ImportAsync(file, fixture.Service.BannerValue("inspector"));

        Assert.True(code == CliApp.Invalid, $"exit {code}\n{output}\n{error}");
        var results = Results(file);
        Assert.Equal(Enumerable.Range(1, 40), results.Select(r => r["line"]!.GetValue<int>()).Order());
        Assert.Equal(38, results.Count(r => r["status"]!.GetValue<int>() == 202));
        Assert.Contains("line 10: 400 Malformed line", error);
        Assert.Matches(@"line 20: 400 The record is invalid — .*payload\.result: ", error);
        var invalid = results.Single(r => r["line"]!.GetValue<int>() == 20);
        Assert.True(invalid["errors"]!.AsObject().ContainsKey("payload.result"));
        var stored = results.Where(r => r["recordHash"] is not null).Select(r => r["recordHash"]!.GetValue<string>()).ToList();
        Assert.Equal(38, fixture.StoredWithHashes(stored));
        // Signed like any submission: the public verification names the issuer's signature.
        using var anyone = new HttpClient { BaseAddress = fixture.Service.BaseAddress };
        var verification = JsonNode.Parse(await anyone.GetStringAsync($"/api/v1/verify/{stored[0]}"))!;
        Assert.IsType<JsonObject>(verification["signature"]);
    }

    [Fact]
    public async Task AnImportKilledMidwayAndRunAgainStoresEveryLineExactlyOnce()
    {
        const int total = 3000;
        var lot = Lot();
        var file = await WriteAsync(Enumerable.Range(1, total).Select(i => Inspection($"{lot}-{i}")));
        var key = fixture.Service.BannerValue("inspector");

        // A real process, killed (SIGKILL) once it has acknowledged some lines: no shutdown code runs.
        using (var first = StartLedger("import", file, "--api", fixture.Service.BaseAddress.ToString(), "--key", key, "--batch-size", "20", "--parallel", "2"))
        {
            var deadline = DateTime.UtcNow.AddSeconds(120);
            while (LinesIn(file + ".result.jsonl") < 200 && !first.HasExited && DateTime.UtcNow < deadline)
            {
                await Task.Delay(10);
            }
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }
        var before = LinesIn(file + ".result.jsonl");
        Assert.InRange(before, 1, total - 1);

        var (code, output, error) = await ImportAsync(file, key);

        Assert.True(code == CliApp.Valid, $"exit {code}\n{output}\n{error}");
        var results = Results(file);
        Assert.Equal(Enumerable.Range(1, total), results.Select(r => r["line"]!.GetValue<int>()).Order());
        var hashes = results.Select(r => r["recordHash"]!.GetValue<string>()).ToList();
        Assert.Equal(total, hashes.Distinct().Count());
        Assert.Equal(total, fixture.StoredInspectionsOfLotPrefix(lot + "-"));
        Assert.Contains($"Imported {total - before:N0} records", output);
    }

    [Fact]
    public async Task TheAccessPolicyAppliesToEveryLine()
    {
        var lot = Lot();
        var file = await WriteAsync(Enumerable.Range(1, 5).Select(i => Inspection($"{lot}-{i}")));

        // A community worker may not submit food-safety inspections.
        var (code, _, error) = await ImportAsync(file, fixture.Service.BannerValue("community-worker"));

        Assert.Equal(CliApp.Invalid, code);
        Assert.All(Results(file), r => Assert.Equal(403, r["status"]!.GetValue<int>()));
        Assert.Contains("line 1: 403", error);
        Assert.Equal(0, fixture.StoredInspectionsOfLotPrefix(lot + "-"));
    }

    [Fact]
    public async Task AnL2RecordIsStoredSealedAndReadsBackToItsSubmitter()
    {
        var file = await WriteAsync([VolunteerService($"VOL-{Guid.NewGuid():N}"[..16])]);
        var key = fixture.Service.BannerValue("community-worker");

        var (code, output, error) = await ImportAsync(file, key);

        Assert.True(code == CliApp.Valid, $"exit {code}\n{output}\n{error}");
        var id = Results(file).Single()["id"]!.GetValue<string>();
        using var worker = new HttpClient { BaseAddress = fixture.Service.BaseAddress };
        worker.DefaultRequestHeaders.Add("X-Api-Key", key);
        using var read = await worker.GetAsync($"/api/v1/records/{id}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(2, JsonNode.Parse(await read.Content.ReadAsStringAsync())!["level"]!.GetValue<int>());
    }

    [Fact]
    public async Task AWrongKeyStopsTheImportAtOnceAndAcknowledgesNothing()
    {
        var file = await WriteAsync([Inspection(Lot())]);

        var (code, _, error) = await ImportAsync(file, "ldg_not-a-key");

        Assert.Equal(CliApp.Invalid, code);
        Assert.Contains("the service refused the import: 401", error);
        Assert.Empty(Results(file));
    }

    private static string Lot() => $"IMP-{Guid.NewGuid():N}"[..16];

    private static string Inspection(string lot) => Samples.Inspection(lot).ToJsonString();

    private static string VolunteerService(string volunteer) => new JsonObject
    {
        ["domain"] = "shared-community",
        ["type"] = "volunteer-service",
        ["occurredAt"] = "2026-11-20T09:30:00+08:00",
        ["payload"] = new JsonObject { ["volunteerRef"] = volunteer, ["activity"] = "elderly-care", ["hours"] = 2.5, ["serviceDate"] = "2026-11-20" },
    }.ToJsonString();

    private async Task<string> WriteAsync(IEnumerable<string> lines)
    {
        var file = Path.Combine(fixture.Files, $"{Guid.NewGuid():N}.jsonl");
        await File.WriteAllLinesAsync(file, lines);
        return file;
    }

    private async Task<(int Code, string Output, string Error)> ImportAsync(string file, string key)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = await CliApp.RunAsync(["import", file, "--api", fixture.Service.BaseAddress.ToString(), "--key", key], output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static List<JsonObject> Results(string file) =>
        File.Exists(file + ".result.jsonl")
            ? [.. File.ReadAllLines(file + ".result.jsonl").Select(l => JsonNode.Parse(l)!.AsObject())]
            : [];

    private static int LinesIn(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var count = 0;
            int b;
            while ((b = stream.ReadByte()) >= 0)
            {
                count += b == '\n' ? 1 : 0;
            }
            return count;
        }
        catch (FileNotFoundException)
        {
            return 0;
        }
    }

    private static Process StartLedger(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryPaths.Root };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ledger.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
