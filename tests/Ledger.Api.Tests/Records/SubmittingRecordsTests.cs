using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ledger.Api.Access;
using Ledger.Core.Records;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Tests.Records;

public sealed class SubmittingRecordsTests(SharedLedger ledger) : IClassFixture<SharedLedger>
{
    private readonly LedgerApiFactory _factory = ledger.Factory;

    [Fact]
    public async Task AnAcceptedRecordIsStoredWithAHashAnyoneCanRecomputeFromItsEnvelope()
    {
        var accepted = await Samples.SubmitAsync(_factory.ClientFor(Roles.Inspector), Samples.Inspection());

        var id = accepted.GetProperty("id").GetString()!;
        var hash = accepted.GetProperty("recordHash").GetString()!;
        Assert.Equal("pending", accepted.GetProperty("status").GetString());
        Assert.Matches("^0x[0-9a-f]{64}$", accepted.GetProperty("salt").GetString());
        var stored = await _factory.QueryAsync(db => db.Records.SingleAsync(r => r.Id == id));
        var envelope = RecordEnvelope.FromJson(JsonNode.Parse(stored.EnvelopeJson)!);
        Assert.Equal(hash, RecordCommitment.ComputeHash(envelope));
        Assert.Equal(accepted.GetProperty("salt").GetString(), envelope.Salt);
        Assert.Equal("demo-market-supervision-bureau", envelope.Issuer);
        Assert.Equal("2026-11-20T01:30:00.000Z", envelope.OccurredAt);
    }

    [Fact]
    public async Task TheAcceptedResponsePointsAtTheRecordItsVerificationAndItsProof()
    {
        var response = await _factory.ClientFor(Roles.Inspector).PostAsJsonAsync("/api/v1/records", Samples.Inspection());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var links = body.GetProperty("links");
        Assert.Equal($"/api/v1/records/{body.GetProperty("id").GetString()}", response.Headers.Location?.ToString());
        Assert.Equal($"/api/v1/verify/{body.GetProperty("recordHash").GetString()}", links.GetProperty("verify").GetString());
        Assert.Equal($"/api/v1/proofs/{body.GetProperty("recordHash").GetString()}", links.GetProperty("proof").GetString());
    }

    public static TheoryData<string, string> EachDomainsRole => new()
    {
        { Roles.Inspector, "food-safety" },
        { Roles.CorrectionOfficer, "community-correction" },
        { Roles.CommunityWorker, "shared-community" },
    };

    [Theory]
    [MemberData(nameof(EachDomainsRole))]
    public async Task EachDomainsStaffCanSubmitItsRecordType(string role, string domain)
    {
        var submission = domain switch
        {
            "food-safety" => Samples.Inspection(),
            "community-correction" => Samples.CheckIn(),
            _ => Samples.VolunteerService(),
        };

        var accepted = await Samples.SubmitAsync(_factory.ClientFor(role), submission);

        var id = accepted.GetProperty("id").GetString();
        Assert.Equal(domain, await _factory.QueryAsync(db => db.Records.Where(r => r.Id == id).Select(r => r.Domain).SingleAsync()));
    }

    [Fact]
    public async Task AnInspectorCannotSubmitACommunityCorrectionRecord()
    {
        var before = await _factory.QueryAsync(db => db.Records.CountAsync());

        var response = await _factory.ClientFor(Roles.Inspector).PostAsJsonAsync("/api/v1/records", Samples.CheckIn());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await _factory.QueryAsync(db => db.Records.CountAsync()));
    }

    [Fact]
    public async Task TheSubmittingDomainAndAuditorsCanReadTheRecordButOtherDomainsCannot()
    {
        var accepted = await Samples.SubmitAsync(_factory.ClientFor(Roles.CommunityWorker), Samples.VolunteerService());
        var path = $"/api/v1/records/{accepted.GetProperty("id").GetString()}";

        var own = await _factory.ClientFor(Roles.CommunityWorker).GetFromJsonAsync<JsonElement>(path);
        var audited = await _factory.ClientFor(Roles.Auditor).GetAsync(path);
        var other = await _factory.ClientFor(Roles.CorrectionOfficer).GetAsync(path);
        var anonymous = await _factory.CreateClient().GetAsync(path);

        Assert.Equal(accepted.GetProperty("recordHash").GetString(), own.GetProperty("recordHash").GetString());
        Assert.Equal("Elderly meal delivery", own.GetProperty("envelope").GetProperty("payload").GetProperty("activity").GetString());
        Assert.Equal(HttpStatusCode.OK, audited.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task ReadingAnUnknownRecordIdIsANotFoundProblem()
    {
        var response = await _factory.ClientFor(Roles.Auditor).GetAsync($"/api/v1/records/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
