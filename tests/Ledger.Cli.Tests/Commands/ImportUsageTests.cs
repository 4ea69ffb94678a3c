using System.Text.Json.Nodes;
using Run = Ledger.Cli.Tests.Verification.CliRun;

namespace Ledger.Cli.Tests.Commands;

/// <summary>
/// `ledger import` called wrongly: it says how, with the usage exit code, before sending anything (no service runs
/// here; the import itself is tested against a real service in Ledger.Api.Tests, ImportCommandTests).
/// </summary>
public sealed class ImportUsageTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ledger-import-usage-").FullName;

    [Fact]
    public async Task WithoutAKeyTheImportSaysWhereToPutIt()
    {
        var file = Path.Combine(_folder, "records.jsonl");
        await File.WriteAllTextAsync(file, "{}\n");
        Environment.SetEnvironmentVariable("LEDGER_API_KEY", null);

        var run = await Run.RunAsync(["import", file, "--api", "http://127.0.0.1:9"]);

        Assert.Equal(CliApp.Usage, run.Code);
        Assert.Contains("LEDGER_API_KEY (or --key)", run.Error);
    }

    [Fact]
    public async Task AMissingFileIsAUsageError()
    {
        var run = await Run.RunAsync(["import", Path.Combine(_folder, "absent.jsonl"), "--api", "http://127.0.0.1:9", "--key", "ldg_x"]);

        Assert.Equal(CliApp.Usage, run.Code);
        Assert.Contains("No file at", run.Error);
    }

    [Fact]
    public async Task AResultFileOfAnotherFileIsRefusedAndLeftAsItWas()
    {
        var file = Path.Combine(_folder, "records.jsonl");
        await File.WriteAllTextAsync(file, "{}\n");
        var result = Path.Combine(_folder, "other.result.jsonl");
        var earlier = new JsonObject { ["line"] = 1, ["status"] = 202, ["recordHash"] = "0x00", ["source"] = new string('a', 64) }.ToJsonString() + "\n";
        await File.WriteAllTextAsync(result, earlier);

        var run = await Run.RunAsync(["import", file, "--api", "http://127.0.0.1:9", "--key", "ldg_x", "--result", result]);

        Assert.Equal(CliApp.Usage, run.Code);
        Assert.Contains("holds the results of another file", run.Error);
        Assert.Equal(earlier, await File.ReadAllTextAsync(result));
    }

    [Theory]
    [InlineData("--batch-size", "0", "--batch-size must be 1 to 1000.")]
    [InlineData("--batch-size", "1001", "--batch-size must be 1 to 1000.")]
    [InlineData("--parallel", "65", "--parallel must be 1 to 64.")]
    public async Task OutOfRangeOptionsAreUsageErrors(string option, string value, string message)
    {
        var run = await Run.RunAsync(["import", "records.jsonl", "--api", "http://127.0.0.1:9", option, value]);

        Assert.Equal(CliApp.Usage, run.Code);
        Assert.Contains(message, run.Error);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
