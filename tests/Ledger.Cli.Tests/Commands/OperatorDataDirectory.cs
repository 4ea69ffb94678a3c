namespace Ledger.Cli.Tests.Commands;

/// <summary>A fresh, empty data folder for one test, and a way to run <c>ledger</c> against it.</summary>
public sealed class OperatorDataDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("ledger-cli-").FullName;

    /// <summary>Runs <c>ledger {command} {verb} --data-dir {Path} {rest}</c>.</summary>
    public async Task<CliRun> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync([.. args.Take(2), "--data-dir", Path, .. args.Skip(2)], output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>Registers an organisation, failing the test if the CLI refuses.</summary>
    public async Task RegisterAsync(string id, string kind = "market-supervision", string areaCode = "330106")
    {
        var run = await RunAsync("orgs", "create", "--id", id, "--name", $"{id} (test)", "--kind", kind, "--area-code", areaCode);
        Assert.True(run.Code == 0, run.Error);
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

/// <summary>What one CLI run printed and returned.</summary>
public sealed record CliRun(int Code, string Output, string Error);
