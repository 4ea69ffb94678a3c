using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ledger.Api.Access;
using static Ledger.Api.Tests.Correction.CaseRecords;

namespace Ledger.Api.Tests.Correction;

/// <summary>
/// Who approves what (Community Correction Law Arts. 27 and 29): leaves up to 7 days by the office, longer ones only by a
/// bureau approver; electronic positioning only by a bureau approver, and for at most three months.
/// </summary>
public sealed class ApprovalTests(SharedLedger ledger) : IClassFixture<SharedLedger>
{
    private static readonly DateOnly Start = new(2026, 8, 1);
    private readonly LedgerApiFactory _factory = ledger.Factory;

    [Fact]
    public async Task AnOfficerApprovesALeaveOfSevenDays()
    {
        var caseRef = await OpenCaseAsync();

        var leave = await SubmitAsync(Officer, Leave(caseRef, Start.AddDays(10), Start.AddDays(16), "310101", "office", Start.AddDays(8)));

        Assert.Equal("pending", leave.GetProperty("status").GetString());
    }

    [Fact]
    public async Task AnOfficeLeaveOfEightDaysIsRefusedAs422NamingTheLimit()
    {
        var caseRef = await OpenCaseAsync();

        using var response = await Officer.PostAsJsonAsync("/api/v1/records", Leave(caseRef, Start.AddDays(10), Start.AddDays(17), "310101", "office", Start.AddDays(8)));

        var problem = await ProblemAsync(response);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("office-leave-at-most-7-days", problem.GetProperty("rule").GetString());
        Assert.Contains("8 days", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AnOfficerMayNotApproveAtBureauLevel()
    {
        var caseRef = await OpenCaseAsync();

        using var response = await Officer.PostAsJsonAsync("/api/v1/records", Leave(caseRef, Start.AddDays(10), Start.AddDays(19), "110101", "bureau", Start.AddDays(8)));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("bureau approver", (await ProblemAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ABureauApproverApprovesATenDayLeave()
    {
        var caseRef = await OpenCaseAsync();

        var leave = await SubmitAsync(Bureau, Leave(caseRef, Start.AddDays(10), Start.AddDays(19), "110101", "bureau", Start.AddDays(8)));

        var view = await ReadAsync(Bureau, $"/api/v1/correction/cases/{caseRef}");
        Assert.Equal(leave.GetProperty("recordHash").GetString(), view.GetProperty("chain").GetProperty("head").GetString());
    }

    [Fact]
    public async Task ABureauApproverDoesNotApproveAtOfficeLevel()
    {
        var caseRef = await OpenCaseAsync();

        using var response = await Bureau.PostAsJsonAsync("/api/v1/records", Leave(caseRef, Start.AddDays(10), Start.AddDays(12), "110101", "office", Start.AddDays(8)));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task PositioningForThreeMonthsIsApproved()
    {
        var caseRef = await OpenCaseAsync();

        // 1 August to 31 October: the day before the same date three months on.
        var approval = await SubmitAsync(Bureau, Positioning(caseRef, Start, new DateOnly(2026, 10, 31), Start));

        Assert.Equal("pending", approval.GetProperty("status").GetString());
    }

    [Fact]
    public async Task PositioningForLongerThanThreeMonthsIsRefusedAndNothingIsStored()
    {
        var caseRef = await OpenCaseAsync();

        using var response = await Bureau.PostAsJsonAsync("/api/v1/records", Positioning(caseRef, Start, new DateOnly(2026, 11, 1), Start));

        var problem = await ProblemAsync(response);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("positioning-at-most-3-months", problem.GetProperty("rule").GetString());
        Assert.Contains("2026-10-31", problem.GetProperty("detail").GetString());
        Assert.Equal(1, (await ReadAsync(Officer, $"/api/v1/correction/cases/{caseRef}")).GetProperty("chain").GetProperty("length").GetInt64());
    }

    [Fact]
    public async Task ACorrectionOfficerDoesNotApprovePositioning()
    {
        var caseRef = await OpenCaseAsync();

        using var response = await Officer.PostAsJsonAsync("/api/v1/records", Positioning(caseRef, Start, Start.AddDays(30), Start));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("positioning-approval", (await ProblemAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ALeaveThatEndsBeforeItBeginsIsInvalid()
    {
        var caseRef = await OpenCaseAsync();

        using var response = await Officer.PostAsJsonAsync("/api/v1/records", Leave(caseRef, Start.AddDays(10), Start.AddDays(9), "310101", "office", Start));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("must not be before from", (await ProblemAsync(response)).GetProperty("errors").GetProperty("payload.to")[0].GetString());
    }

    private HttpClient Officer => _factory.ClientFor(Roles.CorrectionOfficer);

    private HttpClient Bureau => _factory.ClientFor(Roles.BureauApprover);

    private async Task<string> OpenCaseAsync()
    {
        var caseRef = FreshRef();
        await OpenAsync(Officer, Case(caseRef, Start, Start.AddDays(180)));
        return caseRef;
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
