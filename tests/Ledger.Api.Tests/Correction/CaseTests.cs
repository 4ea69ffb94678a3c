using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ledger.Api.Access;
using static Ledger.Api.Tests.Correction.CaseRecords;

namespace Ledger.Api.Tests.Correction;

/// <summary>Opening, reading and closing a case; every record of it joins its chain.</summary>
public sealed class CaseTests(SharedLedger ledger) : IClassFixture<SharedLedger>
{
    private static readonly DateOnly Start = new(2026, 10, 1);
    private readonly LedgerApiFactory _factory = ledger.Factory;

    [Fact]
    public async Task AnOpenedCaseIsReadBackWithItsRecordsInChainOrder()
    {
        var officer = _factory.ClientFor(Roles.CorrectionOfficer);
        var caseRef = FreshRef();
        var opened = await OpenAsync(officer, Case(caseRef, Start, Start.AddDays(180)));
        var checkIn = await SubmitAsync(officer, CheckIn(caseRef, Start.AddDays(1)));

        var view = await ReadAsync(officer, $"/api/v1/correction/cases/{caseRef}");

        Assert.Equal("open", view.GetProperty("status").GetString());
        Assert.Equal("330106", view.GetProperty("areaCode").GetString());
        var records = view.GetProperty("records").EnumerateArray().ToList();
        Assert.Equal(["case-opened", "check-in"], records.Select(r => r.GetProperty("type").GetString()));
        Assert.Equal([1L, 2L], records.Select(r => r.GetProperty("seq").GetInt64()));
        Assert.Equal(opened.GetProperty("record").GetProperty("recordHash").GetString(), records[1].GetProperty("payload").GetProperty("chain").GetProperty("previous").GetString());
        Assert.Equal(checkIn.GetProperty("recordHash").GetString(), view.GetProperty("chain").GetProperty("head").GetString());
        Assert.True(view.GetProperty("chain").GetProperty("whole").GetBoolean());
    }

    [Fact]
    public async Task ARecordForACaseTheJurisdictionDoesNotHaveIsRefusedNamingTheRule()
    {
        using var response = await _factory.ClientFor(Roles.CorrectionOfficer).PostAsJsonAsync("/api/v1/records", CheckIn(FreshRef(), Start));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("no-such-case", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task ASecondCaseWithTheSameReferenceIsAConflict()
    {
        var officer = _factory.ClientFor(Roles.CorrectionOfficer);
        var caseRef = FreshRef();
        await OpenAsync(officer, Case(caseRef, Start, Start.AddDays(30)));

        using var again = await _factory.ClientFor(EmbeddedKeys.OfficeOfficerKeyName).PostAsJsonAsync("/api/v1/correction/cases", Case(caseRef, Start, Start.AddDays(30)));

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task NothingFollowsACasesClosing()
    {
        var officer = _factory.ClientFor(Roles.CorrectionOfficer);
        var caseRef = FreshRef();
        await OpenAsync(officer, Case(caseRef, Start, Start.AddDays(30)));
        await SubmitAsync(officer, Closing(caseRef, Start.AddDays(30)));

        using var late = await officer.PostAsJsonAsync("/api/v1/records", CheckIn(caseRef, Start.AddDays(31)));

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("closed", (await ReadAsync(officer, $"/api/v1/correction/cases/{caseRef}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task AChainLinkSentByTheSubmitterIsRefused()
    {
        var officer = _factory.ClientFor(Roles.CorrectionOfficer);
        var caseRef = FreshRef();
        await OpenAsync(officer, Case(caseRef, Start, Start.AddDays(30)));
        var forged = CheckIn(caseRef, Start);
        forged["payload"]!["chain"] = new System.Text.Json.Nodes.JsonObject { ["seq"] = 2, ["previous"] = "0x" + new string('0', 64) };

        using var response = await officer.PostAsJsonAsync("/api/v1/records", forged);

        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("written by the ledger", problem.GetProperty("errors").GetProperty("payload.chain")[0].GetString());
    }

    [Fact]
    public async Task ACorrectionJoinsTheCaseItCorrectsAndTheCorrectedRecordNoLongerCounts()
    {
        var officer = _factory.ClientFor(Roles.CorrectionOfficer);
        var caseRef = FreshRef();
        await OpenAsync(officer, Case(caseRef, Start, Start.AddDays(30)));
        var wrong = await SubmitAsync(officer, CheckIn(caseRef, Start, area: "330108"));
        var correction = CheckIn(caseRef, Start);
        correction["supersedes"] = wrong.GetProperty("recordHash").GetString();

        await SubmitAsync(officer, correction);

        var view = await ReadAsync(officer, $"/api/v1/correction/cases/{caseRef}");
        Assert.Equal(3, view.GetProperty("records").GetArrayLength());
        Assert.Equal("superseded", view.GetProperty("records")[1].GetProperty("status").GetString());
        var alerts = await ReadAsync(officer, $"/api/v1/correction/cases/{caseRef}/alerts?asOf={Day(Start.AddDays(1))}");
        Assert.Equal(0, alerts.GetProperty("alerts").GetArrayLength());
    }

    [Fact]
    public async Task ACorrectionNamingAnotherCaseIsRefused()
    {
        var officer = _factory.ClientFor(Roles.CorrectionOfficer);
        var (first, second) = (FreshRef(), FreshRef());
        await OpenAsync(officer, Case(first, Start, Start.AddDays(30)));
        await OpenAsync(officer, Case(second, Start, Start.AddDays(30)));
        var checkIn = await SubmitAsync(officer, CheckIn(first, Start));
        var moved = CheckIn(second, Start);
        moved["supersedes"] = checkIn.GetProperty("recordHash").GetString();

        using var response = await officer.PostAsJsonAsync("/api/v1/records", moved);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("correction-in-another-case", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task ACorrectedCaseOpeningKeepsTheCaseAndItsPlanIsTheOneJudged()
    {
        var officer = _factory.ClientFor(Roles.CorrectionOfficer);
        var caseRef = FreshRef();
        var opened = await OpenAsync(officer, Case(caseRef, Start, Start.AddDays(30)));
        var corrected = CaseRecords.Submission("case-opened", At(Start, 8), Case(caseRef, Start, Start.AddDays(30), plan: new System.Text.Json.Nodes.JsonObject
        {
            ["checkIn"] = "weekly", ["permittedAreas"] = new System.Text.Json.Nodes.JsonArray("330106"), ["maxDaysWithoutCheckIn"] = 30,
        }, minor: true)["payload"]!.AsObject().DeepClone().AsObject());
        corrected["supersedes"] = opened.GetProperty("record").GetProperty("recordHash").GetString();

        await SubmitAsync(officer, corrected);
        await SubmitAsync(officer, CheckIn(caseRef, Start.AddDays(2)));

        var view = await ReadAsync(officer, $"/api/v1/correction/cases/{caseRef}");
        Assert.True(view.GetProperty("minor").GetBoolean());
        Assert.Equal(3, view.GetProperty("records").GetArrayLength());
        var alerts = await ReadAsync(officer, $"/api/v1/correction/cases/{caseRef}/alerts?asOf={Day(Start.AddDays(7))}");
        Assert.Equal(0, alerts.GetProperty("alerts").GetArrayLength());
    }
}
