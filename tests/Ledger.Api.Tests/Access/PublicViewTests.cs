using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Ledger.Api.Access;
using Ledger.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Tests.Access;

/// <summary>What the public learns from a record hash: L1 records show their content; L2–L4 only existence, status, anchor and signer.</summary>
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

    public static TheoryData<int> NonPublicLevels => [2, 3, 4];

    [Theory]
    [MemberData(nameof(NonPublicLevels))]
    public async Task ANonPublicRecordShowsOnlyExistenceStatusAnchorAndSignerInEveryPublicAnswer(int level)
    {
        var record = await NonPublicRecordAsync(level);
        await _factory.WaitForStatusAsync(record.Hash, "anchored", "confirmed");

        var verify = await _factory.CreateClient().GetStringAsync($"/api/v1/verify/{record.Hash}");
        var proof = await _factory.CreateClient().GetStringAsync($"/api/v1/proofs/{record.Hash}");

        // What the public may learn: existence, status, the anchor, and who signed (needed to check the signature).
        var body = JsonDocument.Parse(verify).RootElement;
        Assert.Contains(body.GetProperty("status").GetString(), new[] { "anchored", "confirmed" });
        Assert.StartsWith("0x", body.GetProperty("anchor").GetProperty("txHash").GetString());
        Assert.Equal(record.Issuer, body.GetProperty("issuer").GetString());
        if (record.Signed)
        {
            Assert.StartsWith("0x", body.GetProperty("signature").GetProperty("signature").GetString());
            Assert.Equal(record.Issuer, JsonDocument.Parse(proof).RootElement.GetProperty("issuer").GetProperty("organisation").GetString());
        }
        // What it may not: the level (it names the record type), the type or domain, the agency's name, any time but the anchor's.
        Assert.Equal(JsonValueKind.Null, body.GetProperty("level").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("issuerName").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("content").ValueKind);
        foreach (var (name, text) in new[] { ("verify", verify), ("proof", proof) })
        {
            foreach (var withheld in record.Secrets.Concat([record.Domain, record.Type, record.IssuerName, record.ReceivedAtMs.ToString(CultureInfo.InvariantCulture)]))
            {
                Assert.False(text.Contains(withheld, StringComparison.OrdinalIgnoreCase), $"The public {name} answer shows '{withheld}': {text}");
            }
            Assert.DoesNotMatch(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", text);
            Assert.DoesNotContain("\"level\":" + level, text);
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

    private sealed record NonPublic(
        string Hash, string Domain, string Type, string Issuer, string IssuerName, long ReceivedAtMs, bool Signed, IReadOnlyList<string> Secrets);

    // L2 and L4 are submitted as users do. No record type is L3 yet, so the L3 record is an L2 row stored again as a
    // (future) L3 type: the public answers depend only on the stored level, never on the sealed payload.
    private async Task<NonPublic> NonPublicRecordAsync(int level)
    {
        var (role, submission) = level == 4
            ? (Roles.CorrectionOfficer, Samples.CheckIn())
            : (Roles.CommunityWorker, Samples.VolunteerService());
        var accepted = await Samples.SubmitAsync(_factory.ClientFor(role), submission);
        var stored = await _factory.QueryAsync(db => db.Records.AsNoTracking().SingleAsync(r => r.Id == accepted.GetProperty("id").GetString()));
        if (level == 3)
        {
            stored = new StoredRecord
            {
                Id = Guid.NewGuid().ToString(), Domain = "community-correction", Type = "positioning-approval", Level = 3,
                Issuer = "demo-judicial-bureau", OccurredAt = stored.OccurredAt, ReceivedAtMs = stored.ReceivedAtMs + 1,
                EnvelopeJson = "", RecordHash = "0x" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
                SubmittedBy = stored.SubmittedBy, SealedEnvelope = stored.SealedEnvelope, DataKeyId = stored.DataKeyId,
            };
            var row = stored;
            await _factory.QueryAsync(db =>
            {
                db.Records.Add(row);
                return db.SaveChangesAsync();
            });
        }
        var name = await _factory.QueryAsync(db => db.Organisations.Where(o => o.Id == stored.Issuer).Select(o => o.Name).SingleAsync());
        // The salt and the payload's text values, which no public answer may ever show.
        var secrets = submission["payload"]!.AsObject().Select(p => p.Value!.ToJsonString().Trim('"')).Append(accepted.GetProperty("salt").GetString()!).ToList();
        return new NonPublic(stored.RecordHash, stored.Domain, stored.Type, stored.Issuer, name, stored.ReceivedAtMs, stored.IssuerSignature is not null, secrets);
    }
}
