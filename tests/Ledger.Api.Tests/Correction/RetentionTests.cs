using System.Net;
using Ledger.Api.Access;
using Ledger.Api.Correction;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Ledger.Api.Tests.Correction.CaseRecords;

namespace Ledger.Api.Tests.Correction;

/// <summary>A service whose operator set the retention periods: 5 years after closing, 1 year for a minor's case.</summary>
public sealed class RetentionLedger : IAsyncLifetime
{
    public LedgerApiFactory Factory { get; } = new(settings: new Dictionary<string, string?>
    {
        ["Correction:RetentionAfterClose"] = "1825.00:00:00",
        ["Correction:MinorRetentionAfterClose"] = "365.00:00:00",
    });

    public async Task InitializeAsync() => await Factory.ChainAsync();

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        Factory.DeleteData();
    }
}

/// <summary>
/// Once the operator set the periods, a closed case keeps its payloads for the retention period, a minor's for a
/// shorter one of its own; then they are crypto-shredded through anchored erasure records, while hashes, proofs and the
/// chain remain. With no period set (the default) nothing is ever erased.
/// </summary>
public sealed class RetentionTests(RetentionLedger ledger, SharedLedger unconfigured) : IClassFixture<RetentionLedger>, IClassFixture<SharedLedger>
{
    private static readonly DateOnly Start = new(2026, 5, 1);
    private readonly LedgerApiFactory _factory = ledger.Factory;

    [Fact]
    public async Task AClosedCaseIsErasedOnceItsRetentionRanOutAndItsChainAndProofsRemain()
    {
        var (caseRef, hashes) = await ClosedCaseAsync(minor: false);
        var closedAt = await ClosedAtAsync(caseRef);

        await RunRetentionAsync(closedAt.AddDays(5 * 365 - 1));
        Assert.Equal("closed", (await ReadAsync(_factory.ClientFor(Roles.CorrectionOfficer), $"/api/v1/correction/cases/{caseRef}")).GetProperty("status").GetString());
        var erased = await RunRetentionAsync(closedAt.AddDays(5 * 365 + 1));

        Assert.True(erased >= 1);
        var view = await ReadAsync(_factory.ClientFor(Roles.CorrectionOfficer), $"/api/v1/correction/cases/{caseRef}");
        Assert.Equal("erased", view.GetProperty("status").GetString());
        Assert.True(view.GetProperty("chain").GetProperty("whole").GetBoolean());
        Assert.All(view.GetProperty("records").EnumerateArray(), r =>
        {
            Assert.Equal("erased", r.GetProperty("status").GetString());
            Assert.Equal(System.Text.Json.JsonValueKind.Null, r.GetProperty("payload").ValueKind);
        });
        Assert.Equal(hashes, view.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("recordHash").GetString()!));
        var verify = await _factory.CreateClient().GetStringAsync($"/api/v1/verify/{hashes[1]}");
        Assert.Contains("\"status\":\"erased\"", verify);
        using var alerts = await GetAsync(_factory.ClientFor(Roles.CorrectionOfficer), $"/api/v1/correction/cases/{caseRef}/alerts");
        Assert.Equal(HttpStatusCode.Gone, alerts.StatusCode);
    }

    [Fact]
    public async Task EachDestroyedKeyIsAnAnchoredErasureRecordOfItsOwnOrganisationCitingRetention()
    {
        var (caseRef, _) = await ClosedCaseAsync(minor: false, withBureauApproval: true);
        var closedAt = await ClosedAtAsync(caseRef);

        await RunRetentionAsync(closedAt.AddDays(5 * 365 + 1));

        var erasures = await _factory.QueryAsync(db => db.Erasures.AsNoTracking()
            .Where(e => e.RequestedBy == CaseRetention.Requester && e.ErasedAtMs == closedAt.AddDays(5 * 365 + 1).ToUnixTimeMilliseconds())
            .Join(db.Records, e => e.Id, r => r.Id, (e, r) => new { e.LegalBasis, r.Issuer, r.Type })
            .ToListAsync());
        Assert.Equal(["demo-judicial-bureau", "demo-lingyin-judicial-office"], erasures.Select(e => e.Issuer).Order());
        Assert.All(erasures, e => Assert.Equal(("retention-expired", "erasure"), (e.LegalBasis, e.Type)));
    }

    [Fact]
    public async Task AMinorsCaseIsErasedSoonerThanAnAdultsClosedAtTheSameTime()
    {
        var (minor, _) = await ClosedCaseAsync(minor: true);
        var (adult, _) = await ClosedCaseAsync(minor: false);
        var closedAt = await ClosedAtAsync(adult);

        await RunRetentionAsync(closedAt.AddDays(400));

        Assert.Equal("erased", (await ReadAsync(_factory.ClientFor(Roles.CorrectionOfficer), $"/api/v1/correction/cases/{minor}")).GetProperty("status").GetString());
        Assert.Equal("closed", (await ReadAsync(_factory.ClientFor(Roles.CorrectionOfficer), $"/api/v1/correction/cases/{adult}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task AnOpenCaseIsNeverErasedByRetention()
    {
        var caseRef = FreshRef();
        await OpenAsync(_factory.ClientFor(EmbeddedKeys.OfficeOfficerKeyName), Case(caseRef, Start, Start.AddDays(30)));

        await RunRetentionAsync(DateTimeOffset.UtcNow.AddYears(50));

        Assert.Equal("open", (await ReadAsync(_factory.ClientFor(Roles.CorrectionOfficer), $"/api/v1/correction/cases/{caseRef}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task WithNoPeriodSetNoClosedCaseIsEverErased()
    {
        var office = unconfigured.Factory.ClientFor(EmbeddedKeys.OfficeOfficerKeyName);
        var caseRef = FreshRef();
        await OpenAsync(office, Case(caseRef, Start, Start.AddDays(30), minor: true));
        await SubmitAsync(office, Closing(caseRef, Start.AddDays(30)));

        await using var scope = unconfigured.Factory.Services.CreateAsyncScope();
        var erased = await scope.ServiceProvider.GetRequiredService<CaseRetention>().EraseDueAsync(DateTimeOffset.UtcNow.AddYears(50), CancellationToken.None);

        Assert.Equal(0, erased);
        Assert.Equal("closed", (await ReadAsync(unconfigured.Factory.ClientFor(Roles.CorrectionOfficer), $"/api/v1/correction/cases/{caseRef}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task AMinorsRetentionLongerThanAdultsIsRefusedAtStart()
    {
        var error = await LedgerApiFactory.StartupErrorAsync(new Dictionary<string, string?>
        {
            ["Correction:RetentionAfterClose"] = "365.00:00:00",
            ["Correction:MinorRetentionAfterClose"] = "400.00:00:00",
        });

        Assert.Contains("Correction:MinorRetentionAfterClose must not be longer than Correction:RetentionAfterClose", error);
    }

    private async Task<(string CaseRef, List<string> Hashes)> ClosedCaseAsync(bool minor, bool withBureauApproval = false)
    {
        var office = _factory.ClientFor(EmbeddedKeys.OfficeOfficerKeyName);
        var caseRef = FreshRef();
        var hashes = new List<string> { (await OpenAsync(office, Case(caseRef, Start, Start.AddDays(30), minor: minor))).GetProperty("record").GetProperty("recordHash").GetString()! };
        hashes.Add((await SubmitAsync(office, CheckIn(caseRef, Start))).GetProperty("recordHash").GetString()!);
        if (withBureauApproval)
        {
            hashes.Add((await SubmitAsync(_factory.ClientFor(Roles.BureauApprover), Positioning(caseRef, Start, Start.AddDays(20), Start))).GetProperty("recordHash").GetString()!);
        }
        hashes.Add((await SubmitAsync(office, Closing(caseRef, Start.AddDays(30)))).GetProperty("recordHash").GetString()!);
        return (caseRef, hashes);
    }

    private async Task<DateTimeOffset> ClosedAtAsync(string caseRef)
    {
        var view = await ReadAsync(_factory.ClientFor(Roles.CorrectionOfficer), $"/api/v1/correction/cases/{caseRef}");
        return view.GetProperty("closedAt").GetDateTimeOffset();
    }

    private async Task<int> RunRetentionAsync(DateTimeOffset now)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CaseRetention>().EraseDueAsync(now, CancellationToken.None);
    }
}
