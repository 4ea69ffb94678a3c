using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ledger.Api.Access;
using Ledger.Api.Tests.Audit;
using static Ledger.Api.Tests.Correction.CaseRecords;

namespace Ledger.Api.Tests.Correction;

/// <summary>
/// Nobody outside a case's jurisdiction learns that it exists; inside it, every read states its purpose and is in the
/// access trail; the person's real identity, if kept, is shown to correction staff only and is in no record.
/// </summary>
public sealed partial class CasePrivacyTests(SharedLedger ledger) : IClassFixture<SharedLedger>
{
    private static readonly DateOnly Start = new(2026, 7, 1);
    private readonly LedgerApiFactory _factory = ledger.Factory;

    public static TheoryData<string> Outsiders => ["binjiang-correction-officer", "binjiang-bureau-approver", "binjiang-auditor", Roles.Inspector, Roles.CommunityWorker, Roles.Admin];

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task AnotherJurisdictionOrDomainGetsTheSame404AsForACaseThatDoesNotExist(string caller)
    {
        var caseRef = await OpenCaseAsync();
        var client = _factory.ClientFor(caller);

        foreach (var path in new[] { $"/api/v1/correction/cases/{caseRef}", $"/api/v1/correction/cases/{caseRef}/alerts" })
        {
            using var known = await GetAsync(client, path);
            using var unknown = await GetAsync(client, path.Replace(caseRef, FreshRef(), StringComparison.Ordinal));

            Assert.Equal(HttpStatusCode.NotFound, known.StatusCode);
            Assert.Equal(WithoutTraceId(await unknown.Content.ReadAsStringAsync()), WithoutTraceId(await known.Content.ReadAsStringAsync()));
        }
    }

    [Fact]
    public async Task AnotherJurisdictionsAlertListIsA404()
    {
        using var response = await GetAsync(_factory.ClientFor(Roles.CorrectionOfficer), "/api/v1/correction/alerts?areaCode=330108");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ReadingACaseNeedsAPurpose()
    {
        var caseRef = await OpenCaseAsync();

        using var response = await _factory.ClientFor(Roles.CorrectionOfficer).GetAsync($"/api/v1/correction/cases/{caseRef}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Access purpose required", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task EveryReadOfACaseIsInTheAccessTrailWithItsPurpose()
    {
        var caseRef = await OpenCaseAsync();
        var purpose = "leave request " + Guid.NewGuid().ToString("N")[..6];
        var officer = _factory.ClientFor(EmbeddedKeys.OfficeOfficerKeyName);

        (await GetAsync(officer, $"/api/v1/correction/cases/{caseRef}", purpose)).EnsureSuccessStatusCode();
        (await GetAsync(officer, $"/api/v1/correction/cases/{caseRef}/alerts", purpose)).EnsureSuccessStatusCode();
        (await GetAsync(officer, "/api/v1/correction/alerts", purpose)).EnsureSuccessStatusCode();

        var entries = (await Trail.AllAsync(_factory.ClientFor(Roles.Auditor))).Where(e => e.GetProperty("purpose").GetString() == purpose).ToList();
        Assert.True(entries.Count >= 3, $"{entries.Count} entries");
        Assert.All(entries, e => Assert.Equal("demo-lingyin-judicial-office", e.GetProperty("organisation").GetString()));
    }

    [Fact]
    public async Task TheIdentityIsShownToCorrectionStaffButNotToAuditorsAndIsInNoRecord()
    {
        var caseRef = FreshRef();
        var body = Case(caseRef, Start, Start.AddDays(90));
        body["identity"] = new JsonObject { ["name"] = "王某某", ["idNumber"] = "330106199001011234" };
        var opened = await OpenAsync(_factory.ClientFor(Roles.CorrectionOfficer), body);

        var asOfficer = await ReadAsync(_factory.ClientFor(Roles.BureauApprover), $"/api/v1/correction/cases/{caseRef}");
        var asAuditor = await ReadAsync(_factory.ClientFor(Roles.Auditor), $"/api/v1/correction/cases/{caseRef}");
        var record = await ReadAsync(_factory.ClientFor(Roles.CorrectionOfficer), $"/api/v1/records/{opened.GetProperty("caseId").GetString()}");

        Assert.Equal("王某某", asOfficer.GetProperty("identity").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, asAuditor.GetProperty("identity").ValueKind);
        Assert.DoesNotContain("330106199001011234", record.GetRawText());
        var stored = await _factory.QueryAsync(db => Task.FromResult(db.CorrectionCases.Single(c => c.Id == opened.GetProperty("caseId").GetString()).IdentitySealed!));
        Assert.DoesNotContain("330106199001011234", System.Text.Encoding.UTF8.GetString(stored));
    }

    [Fact]
    public async Task TheCaseReferenceIsStoredOnlyAsAKeyedDigest()
    {
        var caseRef = await OpenCaseAsync();

        var rows = await _factory.QueryAsync(db => Task.FromResult(db.CorrectionCases.Select(c => c.CaseDigest + c.AreaCode + c.OpenedBy).ToList()));

        Assert.DoesNotContain(rows, r => r.Contains(caseRef, StringComparison.Ordinal));
    }

    private static string WithoutTraceId(string body) => TraceId().Replace(body, "\"traceId\":\"…\"");

    [System.Text.RegularExpressions.GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial System.Text.RegularExpressions.Regex TraceId();

    private async Task<string> OpenCaseAsync()
    {
        var caseRef = FreshRef();
        await OpenAsync(_factory.ClientFor(Roles.CorrectionOfficer), Case(caseRef, Start, Start.AddDays(90)));
        return caseRef;
    }
}
