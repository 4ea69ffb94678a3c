using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ledger.Core.Records;
using Ledger.Core.Records.Schemas;

namespace Ledger.Api.Tests.RecordTypes;

/// <summary>The published record types and their JSON Schemas: for anyone, without an account.</summary>
public sealed class RecordTypesApiTests(SharedLedger ledger) : IClassFixture<SharedLedger>
{
    private readonly LedgerApiFactory _factory = ledger.Factory;

    [Fact]
    public async Task AnyoneCanListTheSubmittableTypesWithTheirVersionsLevelsSummariesRolesAndSchemas()
    {
        var body = await _factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/record-types");

        var types = body.GetProperty("recordTypes").EnumerateArray().ToList();
        Assert.Equal(["community-correction/case-closed", "community-correction/case-opened", "community-correction/check-in", "community-correction/leave-approval",
            "community-correction/plan-changed", "community-correction/positioning-approval", "community-correction/report", "community-correction/visit",
            "community-correction/warning", "food-safety/inspection", "food-safety/rapid-test", "shared-community/fund-income",
            "shared-community/hours-redemption", "shared-community/household", "shared-community/proposal", "shared-community/volunteer-service"],
            types.Select(t => $"{t.GetProperty("domain").GetString()}/{t.GetProperty("type").GetString()}"));
        var inspection = types[9];
        Assert.Equal(3, inspection.GetProperty("version").GetInt32());
        Assert.Equal(1, inspection.GetProperty("level").GetInt32());
        Assert.Equal(["inspector"], inspection.GetProperty("submittedBy").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("/api/v1/record-types/food-safety/inspection/schema", inspection.GetProperty("schema").GetString());
        Assert.Equal(
            ["/api/v1/record-types/food-safety/inspection/schema?version=1", "/api/v1/record-types/food-safety/inspection/schema?version=2",
                "/api/v1/record-types/food-safety/inspection/schema?version=3"],
            inspection.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("schema").GetString()));
        Assert.All(types, t => Assert.False(string.IsNullOrWhiteSpace(t.GetProperty("summary").GetString())));
        Assert.Equal([4, 4, 4, 4, 4, 4, 4, 4, 4, 1, 1, 1, 2, 2, 1, 2], types.Select(t => t.GetProperty("level").GetInt32()));
    }

    [Fact]
    public async Task TheServicesOwnRecordTypesAreNotListed()
    {
        var text = await _factory.CreateClient().GetStringAsync("/api/v1/record-types");

        Assert.DoesNotContain("\"ledger\"", text);
    }

    [Fact]
    public async Task ASchemaIsServedAsApplicationSchemaJsonExactlyAsTheServiceValidatesWithIt()
    {
        var response = await _factory.CreateClient().GetAsync("/api/v1/record-types/food-safety/inspection/schema");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/schema+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(RecordTypeCatalog.Default.TryGet("food-safety", "inspection", out var inspection));
        Assert.Equal(inspection.Current.Schema.Text, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnEarlierVersionsSchemaIsServedOnRequest()
    {
        var v1 = JsonNode.Parse(await _factory.CreateClient().GetStringAsync("/api/v1/record-types/food-safety/inspection/schema?version=1"))!;

        Assert.Equal("urn:ledger:record-type:food-safety:inspection:v1", v1["$id"]!.GetValue<string>());
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", v1["$schema"]!.GetValue<string>());
    }

    [Fact]
    public async Task AClientCheckingAPayloadWithTheServedSchemaGetsTheServicesAnswer()
    {
        var schema = PayloadSchema.FromText(await _factory.CreateClient().GetStringAsync("/api/v1/record-types/shared-community/volunteer-service/schema"));
        var payload = Samples.VolunteerService()["payload"]!.AsObject();

        Assert.Empty(schema.Validate(payload));
        payload["hours"] = 24.5;
        Assert.Equal("hours", Assert.Single(schema.Validate(payload)).Field);
    }

    [Theory]
    [InlineData("/api/v1/record-types/food-safety/horoscope/schema", 404)]
    [InlineData("/api/v1/record-types/ledger/access/schema", 404)]
    [InlineData("/api/v1/record-types/food-safety/inspection/schema?version=4", 404)]
    [InlineData("/api/v1/record-types/food-safety/inspection/schema?version=0", 400)]
    [InlineData("/api/v1/record-types/food-safety/inspection/schema?version=one", 400)]
    public async Task AnUnknownTypeOrVersionIsAProblem(string path, int status)
    {
        var response = await _factory.CreateClient().GetAsync(path);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task TheSubmissionInTheOpenApiDocumentIsOneOfTheTypesWithTheirRealPayloadFields()
    {
        var document = await _factory.CreateClient().GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");
        var schemas = document.GetProperty("components").GetProperty("schemas");
        JsonElement Resolve(JsonElement schema) => schema.TryGetProperty("$ref", out var reference)
            ? schemas.GetProperty(reference.GetString()!["#/components/schemas/".Length..])
            : schema;

        var body = document.GetProperty("paths").GetProperty("/api/v1/records").GetProperty("post")
            .GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        var submissions = body.GetProperty("oneOf").EnumerateArray().Select(Resolve).ToList();

        Assert.Equal(RecordTypeCatalog.Default.Submittable.Count, submissions.Count);
        foreach (var (type, submission) in RecordTypeCatalog.Default.Submittable.Zip(submissions))
        {
            var properties = submission.GetProperty("properties");
            Assert.Equal(type.Domain, properties.GetProperty("domain").GetProperty("enum")[0].GetString());
            Assert.Equal(type.Type, properties.GetProperty("type").GetProperty("enum")[0].GetString());
            var payload = Resolve(properties.GetProperty("payload"));
            Assert.Equal(
                type.Current.Schema.Copy()["properties"]!.AsObject().Select(p => p.Key),
                payload.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        }
    }

    [Fact]
    public async Task TheOpenApiPayloadSchemasKeepTheFieldRulesAndFormats()
    {
        var document = await _factory.CreateClient().GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");
        var checkIn = document.GetProperty("components").GetProperty("schemas").GetProperty("CommunityCorrectionCheckInPayloadV2");

        var subject = checkIn.GetProperty("properties").GetProperty("subjectRef");
        Assert.Equal("pseudonymous-ref", subject.GetProperty("format").GetString());
        Assert.Equal(64, subject.GetProperty("maxLength").GetInt32());
        Assert.Contains("subjectRef", checkIn.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        Assert.False(checkIn.GetProperty("additionalProperties").GetBoolean());
        // The chain link is the ledger's to write: shown read-only, with its own fields inlined, and never required.
        var chain = checkIn.GetProperty("properties").GetProperty("chain");
        Assert.True(chain.GetProperty("readOnly").GetBoolean());
        Assert.Equal("integer", chain.GetProperty("properties").GetProperty("seq").GetProperty("type").GetString());
        Assert.DoesNotContain("chain", checkIn.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
    }
}
