namespace Ledger.Cli.Tests.Commands;

public sealed class OrgsCommandTests : IDisposable
{
    private readonly OperatorDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task ARegisteredOrganisationIsListedWithItsKindAndArea()
    {
        await _data.RegisterAsync("cn-330106-market-supervision");
        await _data.RegisterAsync("cn-330108-judicial", kind: "judicial", areaCode: "330108");

        var list = await _data.RunAsync("orgs", "list");

        Assert.Equal(0, list.Code);
        var lines = list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("ID", lines[0]);
        Assert.Matches(@"^cn-330106-market-supervision\s+market-supervision\s+330106\s", lines[1]);
        Assert.Matches(@"^cn-330108-judicial\s+judicial\s+330108\s", lines[2]);
    }

    [Theory]
    [InlineData("33010", "6 digits")]
    [InlineData("33O106", "6 digits")]
    [InlineData("990106", "province")]
    public async Task ABadAreaCodeIsRefusedWithTheReason(string areaCode, string reason)
    {
        var run = await _data.RunAsync("orgs", "create", "--id", "cn-bad", "--name", "Bad", "--kind", "judicial", "--area-code", areaCode);

        Assert.Equal(CliApp.Invalid, run.Code);
        Assert.Contains("area code", run.Error);
        Assert.Contains(reason, run.Error);
    }

    [Fact]
    public async Task AnUnknownKindIsRefusedNamingTheKnownOnes()
    {
        var run = await _data.RunAsync("orgs", "create", "--id", "cn-330106-police", "--name", "Police", "--kind", "police", "--area-code", "330106");

        Assert.Equal(CliApp.Invalid, run.Code);
        Assert.Contains("market-supervision, judicial, community, audit, operator", run.Error);
    }

    [Theory]
    [InlineData("X")]
    [InlineData("Upper-Case")]
    [InlineData("has space")]
    [InlineData("'; DROP TABLE organisations; --")]
    public async Task AnIdThatIsNotLowercaseLettersDigitsAndHyphensIsRefused(string id)
    {
        var run = await _data.RunAsync("orgs", "create", "--id", id, "--name", "Name", "--kind", "audit", "--area-code", "330106");

        Assert.Equal(CliApp.Invalid, run.Code);
        Assert.Contains("not an organisation id", run.Error);
    }

    [Fact]
    public async Task AnOrganisationCannotBeRegisteredTwice()
    {
        await _data.RegisterAsync("cn-330106-audit", kind: "audit");

        var again = await _data.RunAsync("orgs", "create", "--id", "cn-330106-audit", "--name", "Again", "--kind", "audit", "--area-code", "330106");

        Assert.Equal(CliApp.Invalid, again.Code);
        Assert.Contains("already exists", again.Error);
    }

    [Fact]
    public async Task AMissingOptionIsAUsageErrorWithAnExample()
    {
        var run = await _data.RunAsync("orgs", "create", "--id", "cn-330106-audit", "--kind", "audit", "--area-code", "330106");

        Assert.Equal(CliApp.Usage, run.Code);
        Assert.Contains("--name is required", run.Error);
    }

    [Fact]
    public async Task AMissingDataFolderIsAUsageError()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var code = await CliApp.RunAsync(["orgs", "list", "--data-dir", System.IO.Path.Combine(_data.Path, "missing")], output, error);

        Assert.Equal(CliApp.Usage, code);
        Assert.Contains("no data folder", error.ToString());
    }
}
