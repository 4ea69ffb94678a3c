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
}
