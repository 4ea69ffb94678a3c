using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ledger.Api.Access;
using Ledger.Api.Tests.Protection;

namespace Ledger.Api.Tests.Audit;

/// <summary>Every read of a non-public payload is in the trail — who, role, when, which record, why — before the answer is sent.</summary>
public sealed class AccessTrailTests(SharedLedger ledger) : IClassFixture<SharedLedger>
{
    private readonly LedgerApiFactory _factory = ledger.Factory;

    [Fact]
    public async Task AnL4ReadIsInTheTrailWithWhoWhenWhichRecordAndWhy()
    {
        var officer = _factory.ClientFor(Roles.CorrectionOfficer);
        var accepted = await Samples.SubmitAsync(officer, SensitiveSamples.CheckIn(SensitiveSamples.NewRef("CC")));
        var id = accepted.GetProperty("id").GetString()!;
        var purpose = SensitiveSamples.NewRef("Leave request review");

        await ReadRecord.OkAsync(officer, id, purpose);

        var entry = Assert.Single(await Trail.AllAsync(_factory.ClientFor(Roles.Auditor)), e => e.GetProperty("recordId").GetString() == id);
        Assert.Equal(purpose, entry.GetProperty("purpose").GetString());
        Assert.Equal(Roles.CorrectionOfficer, entry.GetProperty("role").GetString());
        Assert.Equal("demo-judicial-bureau", entry.GetProperty("organisation").GetString());
        Assert.StartsWith(entry.GetProperty("keyId").GetString()!, _factory.KeyFor(Roles.CorrectionOfficer));
        Assert.Equal(accepted.GetProperty("recordHash").GetString(), entry.GetProperty("recordHash").GetString());
        Assert.True(DateTimeOffset.UtcNow - entry.GetProperty("at").GetDateTimeOffset() < TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task EachL2ReadAddsOneEntry()
    {
        var worker = _factory.ClientFor(Roles.CommunityWorker);
        var id = (await Samples.SubmitAsync(worker, SensitiveSamples.VolunteerService(SensitiveSamples.NewRef("V")))).GetProperty("id").GetString()!;

        await ReadRecord.OkAsync(worker, id, purpose: null);
        await ReadRecord.OkAsync(worker, id, purpose: null);

        Assert.Equal(2, (await Trail.AllAsync(_factory.ClientFor(Roles.Auditor))).Count(e => e.GetProperty("recordId").GetString() == id));
    }

    [Fact]
    public async Task ReadingAPublishedL1RecordLeavesNoEntry()
    {
        var inspector = _factory.ClientFor(Roles.Inspector);
        var id = (await Samples.SubmitAsync(inspector, Samples.Inspection())).GetProperty("id").GetString()!;

        await ReadRecord.OkAsync(inspector, id, purpose: null);

        Assert.DoesNotContain(await Trail.AllAsync(_factory.ClientFor(Roles.Auditor)), e => e.GetProperty("recordId").GetString() == id);
    }

    [Fact]
    public async Task AnL4ReadWithoutAPurposeIsRefusedAndLeavesNoEntry()
    {
        var officer = _factory.ClientFor(Roles.CorrectionOfficer);
        var id = (await Samples.SubmitAsync(officer, SensitiveSamples.CheckIn(SensitiveSamples.NewRef("CC")))).GetProperty("id").GetString()!;

        var (status, problem) = await ReadRecord.SendAsync(officer, id, purpose: null);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("Access purpose required", problem.GetProperty("title").GetString());
        Assert.DoesNotContain(await Trail.AllAsync(_factory.ClientFor(Roles.Auditor)), e => e.GetProperty("recordId").GetString() == id);
    }

    [Fact]
    public async Task ConcurrentReadsMakeOneUnbrokenChainThatGetsAnchored()
    {
        var worker = _factory.ClientFor(Roles.CommunityWorker);
        var id = (await Samples.SubmitAsync(worker, SensitiveSamples.VolunteerService(SensitiveSamples.NewRef("V")))).GetProperty("id").GetString()!;

        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => ReadRecord.OkAsync(worker, id, purpose: null)));

        var auditor = _factory.ClientFor(Roles.Auditor);
        var verification = await Trail.VerifyAsync(auditor);
        Assert.True(verification.GetProperty("intact").GetBoolean(), string.Join("; ", Trail.Problems(verification)));
        var entries = await Trail.AllAsync(auditor);
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), entries.Select(e => e.GetProperty("sequence").GetInt64()));
        Assert.All(entries.Skip(1).Zip(entries), pair =>
            Assert.Equal(pair.Second.GetProperty("entryHash").GetString(), pair.First.GetProperty("previousHash").GetString()));
        var last = entries[^1].GetProperty("entryHash").GetString()!;
        await _factory.WaitForStatusAsync(last, "anchored", "confirmed");
    }

    [Fact]
    public async Task TheIssuingOrganisationSeesWhoReadItsRecord()
    {
        var officer = _factory.ClientFor(Roles.CorrectionOfficer);
        var id = (await Samples.SubmitAsync(officer, SensitiveSamples.CheckIn(SensitiveSamples.NewRef("CC")))).GetProperty("id").GetString()!;
        await ReadRecord.OkAsync(_factory.ClientFor(Roles.Auditor), id, "audit of check-in records");

        var page = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/records/{id}/access-trail");

        var entry = Assert.Single(page.GetProperty("entries").EnumerateArray());
        Assert.Equal(Roles.Auditor, entry.GetProperty("role").GetString());
        Assert.Equal("audit of check-in records", entry.GetProperty("purpose").GetString());
    }

    public static TheoryData<string> NonAuditors => [Roles.Inspector, Roles.CorrectionOfficer, Roles.CommunityWorker, Roles.Admin];

    [Theory]
    [MemberData(nameof(NonAuditors))]
    public async Task OnlyAuditorsListAndVerifyTheWholeTrail(string role)
    {
        var client = _factory.ClientFor(role);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/access-trail")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/access-trail/verification")).StatusCode);
    }
}
