using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ledger.Api.Access;
using Ledger.Core.Canonical;
using Ledger.Core.Encoding;
using Ledger.Core.Records;
using Ledger.Core.Records.Types.FoodSafety.Inspection;
using Ledger.Data.Records;

namespace Ledger.Api.Tests.Records;

/// <summary>
/// New records name the version of their type's schema; records stored before type versions (ledger-record/v1
/// envelopes) still read back, anchor and verify, and are judged by the schema they were written with.
/// </summary>
public sealed class TypeVersionTests(SharedLedger ledger) : IClassFixture<SharedLedger>
{
    private const string Issuer = "demo-market-supervision-bureau";

    private readonly LedgerApiFactory _factory = ledger.Factory;

    // A credit code whose check character is wrong: inspection version 1 took it, version 2 refuses it.
    private static JsonObject PayloadWithAnUncheckedCreditCode(string lot)
    {
        var payload = Samples.Inspection(lot)["payload"]!.DeepClone().AsObject();
        payload["enterprise"]!["creditCode"] = "91310104MA1FL2QW7B";
        return payload;
    }

    [Fact]
    public async Task ANewRecordIsAV2EnvelopeUnderItsTypesCurrentVersion()
    {
        var client = _factory.ClientFor(Roles.Inspector);
        var accepted = await Samples.SubmitAsync(client, Samples.Inspection());

        var view = await client.GetFromJsonAsync<JsonElement>($"/api/v1/records/{accepted.GetProperty("id").GetString()}");

        var envelope = view.GetProperty("envelope");
        Assert.Equal("ledger-record/v2", envelope.GetProperty("v").GetString());
        Assert.Equal(FoodSafetyInspection.Definition.Current.Number, envelope.GetProperty("typeVersion").GetInt32());
        Assert.Equal(FoodSafetyInspection.Definition.Current.Number, view.GetProperty("typeVersion").GetInt32());
    }

    [Fact]
    public async Task ARecordStoredBeforeTypeVersionsReadsBackAnchorsAndVerifiesUnderItsOwnSchema()
    {
        var envelope = new RecordEnvelope
        {
            Version = RecordEnvelope.Version1,
            Domain = "food-safety",
            Type = "inspection",
            Id = Guid.NewGuid().ToString("D"),
            Issuer = Issuer,
            OccurredAt = "2026-11-20T01:30:00.000Z",
            Payload = PayloadWithAnUncheckedCreditCode("L-legacy-" + Guid.NewGuid().ToString("N")[..8]),
            Salt = Hex.Encode(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        };
        var hash = RecordCommitment.ComputeHash(envelope);
        await StoreAsAnEarlierVersionWouldHaveAsync(envelope, hash);

        var proof = await _factory.WaitForStatusAsync(hash, "confirmed");
        var view = await _factory.ClientFor(Roles.Inspector).GetFromJsonAsync<JsonElement>($"/api/v1/records/{envelope.Id}");
        var verified = await _factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/verify/{hash}");

        Assert.Equal(hash, proof.GetProperty("recordHash").GetString());
        var read = RecordEnvelope.FromJson(JsonNode.Parse(view.GetProperty("envelope").GetRawText()));
        Assert.Equal((RecordEnvelope.Version1, 1), (read.Version, read.TypeVersion));
        Assert.False(view.GetProperty("envelope").TryGetProperty("typeVersion", out _));
        Assert.Equal(1, view.GetProperty("typeVersion").GetInt32());
        Assert.Equal(hash, RecordCommitment.ComputeHash(read));
        Assert.Empty(RecordTypeCatalog.Default.Validate(read));
        Assert.Equal(1, verified.GetProperty("content").GetProperty("typeVersion").GetInt32());
    }

    [Fact]
    public async Task APayloadVersionOneAcceptedIsRefusedUnderVersionTwoNamingTheField()
    {
        var submission = Samples.Inspection();
        submission["payload"] = PayloadWithAnUncheckedCreditCode("L-new");

        var response = await _factory.ClientFor(Roles.Inspector).PostAsJsonAsync("/api/v1/records", submission);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("check character", errors.GetProperty("payload.enterprise.creditCode")[0].GetString());
    }

    // As the service wrote L1 records before this version: the canonical v1 envelope in the row, unsigned, waiting for a batch.
    private Task StoreAsAnEarlierVersionWouldHaveAsync(RecordEnvelope envelope, string hash) => _factory.QueryAsync(db =>
    {
        db.Records.Add(new StoredRecord
        {
            Id = envelope.Id,
            Domain = envelope.Domain,
            Type = envelope.Type,
            Level = 1,
            Issuer = envelope.Issuer,
            OccurredAt = envelope.OccurredAt,
            ReceivedAtMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            EnvelopeJson = JsonCanonicalizer.CanonicalizeToString(envelope.ToJson()),
            RecordHash = hash,
            SubmittedBy = "ldg_legacy00",
        });
        return db.SaveChangesAsync();
    });
}
