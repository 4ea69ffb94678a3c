using Ledger.Api.Access;
using Ledger.Cli.Commands.Demo;

namespace Ledger.Api.Tests.Correction;

/// <summary>
/// The 60-day scenario of <c>ledger demo correction</c>, played against the service: every request gets the answer the
/// law asks for, and the case's alerts are exactly the expected ones — no more, no fewer.
/// </summary>
public sealed class ScenarioTests(SharedLedger ledger) : IClassFixture<SharedLedger>
{
    private readonly LedgerApiFactory _factory = ledger.Factory;

    [Fact]
    public async Task SixtyDaysOfACaseYieldExactlyTheExpectedAlerts()
    {
        var start = new DateOnly(2026, 8, 3);

        var outcome = await ScenarioRunner.PlayAsync(_factory.ClientFor, CaseRecords.FreshRef("SQJZ-DEMO"), start, progress: null, CancellationToken.None);

        Assert.Empty(outcome.Failures);
        Assert.Equal(CorrectionScenario.Alerts, outcome.Alerts);
    }

    [Theory]
    [InlineData(2027, 2, 1)]
    [InlineData(2026, 12, 31)]
    public async Task TheAlertsDoNotDependOnTheMonthTheCaseStartsIn(int year, int month, int day)
    {
        var outcome = await ScenarioRunner.PlayAsync(_factory.ClientFor, CaseRecords.FreshRef("SQJZ-DEMO"), new DateOnly(year, month, day).AddDays(-200), null, CancellationToken.None);

        Assert.Equal(CorrectionScenario.Alerts, outcome.Alerts);
    }

    [Fact]
    public async Task EachAlertCitesTheRecordsThatProveIt()
    {
        var start = new DateOnly(2026, 6, 1);
        var caseRef = CaseRecords.FreshRef("SQJZ-DEMO");
        var outcome = await ScenarioRunner.PlayAsync(_factory.ClientFor, caseRef, start, null, CancellationToken.None);

        var alerts = (await CaseRecords.ReadAsync(_factory.ClientFor(Roles.CorrectionOfficer), $"/api/v1/correction/cases/{caseRef}/alerts?asOf=2026-07-31"))
            .GetProperty("alerts").EnumerateArray().ToList();

        var opened = outcome.RecordHashes[0];
        Assert.All(alerts.Where(a => a.GetProperty("kind").GetString()!.StartsWith("missed", StringComparison.Ordinal)),
            a => Assert.Equal(opened, a.GetProperty("records")[0].GetString()));
        var outOfArea = alerts.Single(a => a.GetProperty("kind").GetString() == "out-of-area");
        Assert.Contains("330108", outOfArea.GetProperty("detail").GetString());
        Assert.All(alerts, a => Assert.All(a.GetProperty("records").EnumerateArray(), r => Assert.Contains(r.GetString(), outcome.RecordHashes)));
    }
}
