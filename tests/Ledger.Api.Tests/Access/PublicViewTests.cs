using System.Net.Http.Json;
using System.Text.Json;
using Ledger.Api.Access;

namespace Ledger.Api.Tests.Access;

/// <summary>What the public learns from a record hash: content for L1 only; existence, status, anchor and issuer otherwise.</summary>
public sealed class PublicViewTests(SharedLedger ledger) : IClassFixture<SharedLedger>
{
    private readonly LedgerApiFactory _factory = ledger.Factory;

    [Fact]
    public async Task APublishedInspectionShowsItsLevelTypeTimeAndPayloadButNotItsSalt()
    {
        var accepted = await Samples.SubmitAsync(_factory.ClientFor(Roles.Inspector), Samples.Inspection("L-PUBLIC-1"));

        var text = await _factory.CreateClient().GetStringAsync($"/api/v1/verify/{accepted.GetProperty("recordHash").GetString()}");

        var body = JsonDocument.Parse(text).RootElement;
        var content = body.GetProperty("content");
        Assert.Equal(1, body.GetProperty("level").GetInt32());
        Assert.Equal("demo-market-supervision-bureau", body.GetProperty("issuer").GetString());
        Assert.Equal("Xihu District Market Supervision Bureau (demo)", body.GetProperty("issuerName").GetString());
        Assert.Equal("food-safety", content.GetProperty("domain").GetString());
        Assert.Equal("inspection", content.GetProperty("type").GetString());
        Assert.Equal("2026-11-20T01:30:00.000Z", content.GetProperty("occurredAt").GetString());
        Assert.Equal("L-PUBLIC-1", content.GetProperty("payload").GetProperty("lot").GetString());
        Assert.Equal("pass", content.GetProperty("payload").GetProperty("result").GetString());
        Assert.DoesNotContain(accepted.GetProperty("salt").GetString()!, text);
    }

    [Fact]
    public async Task AnInternalRecordShowsOnlyExistenceStatusAnchorAndIssuer()
    {
        var accepted = await Samples.SubmitAsync(_factory.ClientFor(Roles.CommunityWorker), Samples.VolunteerService());

        var text = await _factory.CreateClient().GetStringAsync($"/api/v1/verify/{accepted.GetProperty("recordHash").GetString()}");

        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal(2, body.GetProperty("level").GetInt32());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("content").ValueKind);
        Assert.Equal("demo-community-committee", body.GetProperty("issuer").GetString());
        Assert.DoesNotContain("V-318", text);
        Assert.DoesNotContain("Elderly meal delivery", text);
        Assert.DoesNotContain("volunteer-service", text);
    }

    [Fact]
    public async Task AHighlySensitiveCheckInRevealsNeitherItsTimeNorItsType()
    {
        var accepted = await Samples.SubmitAsync(_factory.ClientFor(Roles.CorrectionOfficer), Samples.CheckIn());
        var hash = accepted.GetProperty("recordHash").GetString()!;

        var verify = await _factory.CreateClient().GetStringAsync($"/api/v1/verify/{hash}");
        var proof = await _factory.CreateClient().GetStringAsync($"/api/v1/proofs/{hash}");

        var body = JsonDocument.Parse(verify).RootElement;
        Assert.Equal(4, body.GetProperty("level").GetInt32());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("content").ValueKind);
        foreach (var text in new[] { verify, proof })
        {
            Assert.DoesNotContain("CC-2026-0042", text);
            Assert.DoesNotContain("check-in", text);
            Assert.DoesNotContain("2026-11-21T08:00", text);
            Assert.DoesNotContain(accepted.GetProperty("salt").GetString()!, text);
        }
    }

    [Fact]
    public async Task AStaffKeySeesNoMoreOnThePublicEndpointThanTheAnonymousPublic()
    {
        var accepted = await Samples.SubmitAsync(_factory.ClientFor(Roles.CorrectionOfficer), Samples.CheckIn());
        var path = $"/api/v1/verify/{accepted.GetProperty("recordHash").GetString()}";

        var asOfficer = await _factory.ClientFor(Roles.CorrectionOfficer).GetFromJsonAsync<JsonElement>(path);

        Assert.Equal(JsonValueKind.Null, asOfficer.GetProperty("content").ValueKind);
    }
}
