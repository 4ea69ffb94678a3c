using Ledger.Data.Organisations;

namespace Ledger.Cli.Tests.Commands;

/// <summary><c>ledger orgs create --parent</c>: an organisation above another, in the same jurisdiction, never a cycle.</summary>
public sealed class OrgsParentCommandTests : IDisposable
{
    private readonly OperatorDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    private Task<CliRun> CreateAsync(string id, string areaCode, string parent) =>
        _data.RunAsync("orgs", "create", "--id", id, "--name", "Office", "--kind", "judicial", "--area-code", areaCode, "--parent", parent);

    [Fact]
    public async Task AnOfficeIsRegisteredBelowItsDistrictBureauAndListedWithIt()
    {
        await _data.RegisterAsync("cn-330106-judicial", kind: "judicial");

        var run = await CreateAsync("cn-330106-lingyin-judicial", "330106", "cn-330106-judicial");
        var list = await _data.RunAsync("orgs", "list");

        Assert.Equal(0, run.Code);
        Assert.Contains("below cn-330106-judicial", run.Output);
        Assert.Matches(@"(?m)^cn-330106-lingyin-judicial\s+judicial\s+330106\s+cn-330106-judicial\s", list.Output);
    }

    [Fact]
    public async Task ACityBureauMayStandAboveADistrictOfItsCity()
    {
        await _data.RegisterAsync("cn-330100-judicial", kind: "judicial", areaCode: "330100");

        var run = await CreateAsync("cn-330106-judicial", "330106", "cn-330100-judicial");

        Assert.Equal(0, run.Code);
    }

    [Fact]
    public async Task AnUnknownParentIsRefused()
    {
        var run = await CreateAsync("cn-330106-lingyin-judicial", "330106", "cn-330106-nowhere");

        Assert.Equal(CliApp.Invalid, run.Code);
        Assert.Contains("Unknown parent organisation 'cn-330106-nowhere'", run.Error);
        Assert.Single(run.Error.Split('\n'), line => line.StartsWith("error:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AParentInAnotherDistrictIsRefusedAsOutsideTheJurisdiction()
    {
        await _data.RegisterAsync("cn-330108-judicial", kind: "judicial", areaCode: "330108");

        var run = await CreateAsync("cn-330106-lingyin-judicial", "330106", "cn-330108-judicial");

        Assert.Equal(CliApp.Invalid, run.Code);
        Assert.Contains("outside the jurisdiction", run.Error);
    }

    [Fact]
    public async Task ADistrictCannotStandAboveItsCity()
    {
        await _data.RegisterAsync("cn-330106-judicial", kind: "judicial");

        var run = await CreateAsync("cn-330100-judicial", "330100", "cn-330106-judicial");

        Assert.Equal(CliApp.Invalid, run.Code);
        Assert.Contains("outside the jurisdiction", run.Error);
    }

    [Fact]
    public async Task AnOrganisationCannotBeItsOwnParent()
    {
        await _data.RegisterAsync("cn-330106-judicial", kind: "judicial");

        var run = await CreateAsync("cn-330106-judicial-2", "330106", "cn-330106-judicial-2");

        Assert.Equal(CliApp.Invalid, run.Code);
        Assert.Contains("cannot be its own parent", run.Error);
    }

    [Theory]
    [InlineData("330106", "330106", true)]
    [InlineData("330100", "330106", true)]
    [InlineData("330000", "330106", true)]
    [InlineData("330000", "330100", true)]
    [InlineData("330106", "330100", false)]
    [InlineData("330108", "330106", false)]
    [InlineData("320100", "330106", false)]
    [InlineData("110000", "330106", false)]
    public void AnAreaContainsItselfAndACityOrProvinceItsCounties(string outer, string inner, bool contains) =>
        Assert.Equal(contains, AreaCode.Contains(outer, inner));
}
