using System.Net;
using System.Net.Http.Json;
using Ledger.Api.Access;
using Ledger.Core.Access;
using Ledger.Core.Records;
using Ledger.Data.Access;
using static Ledger.Api.Tests.Access.TableOracle;

namespace Ledger.Api.Tests.Access;

/// <summary>
/// The authorization matrix generated from the permissions table: every endpoint × every role (new ones included) at
/// home and in another jurisdiction × level (the community-correction case endpoints at L4, the level of every case),
/// expected as <see cref="TableOracle"/> reads the table's rows. The
/// hand-written <see cref="AuthorizationMatrixTests"/> stays as the independent check of the same endpoints.
/// </summary>
public sealed class GeneratedAuthorizationMatrixTests(MatrixLedger ledger) : IClassFixture<MatrixLedger>
{
    private const string Purpose = "annual case review";

    private static readonly Dictionary<int, (string Domain, string Type, string IssuerRole)> RecordOf = new()
    {
        [1] = ("food-safety", "inspection", Roles.Inspector),
        [2] = ("shared-community", "volunteer-service", Roles.CommunityWorker),
        [4] = ("community-correction", "check-in", Roles.CorrectionOfficer),
    };

    private static readonly string[] Endpoints =
    [
        "POST /records", "GET /records/{id}", "GET /records/{id} +purpose", "GET /verify/{hash}", "GET /proofs/{hash}",
        "GET /status", "GET /access-trail", "GET /access-trail/verification", "GET /records/{id}/access-trail",
        "POST /erasures", "POST /records/{hash}/revocation", "GET /record-types",
        // Community correction: cases are L4, so these run against the home jurisdiction's case at L4 only.
        "POST /correction/cases", "GET /correction/cases/{ref}", "GET /correction/cases/{ref} +purpose", "GET /correction/cases/{ref}/alerts +purpose",
        "GET /correction/alerts +purpose", "POST /correction/cases/{ref}/evidence +purpose",
    ];

    private static bool IsCaseEndpoint(string endpoint) => endpoint.Contains("/correction/", StringComparison.Ordinal);

    // The home jurisdiction's case, opened by the Xihu bureau's correction officer (MatrixLedger.HomeCaseRef).
    private static readonly What HomeCase = new("community-correction", "case-opened", DataLevel.HighlySensitive,
        EmbeddedOrganisations.HomeOf(Roles.CorrectionOfficer), EmbeddedOrganisations.HomeArea, []);

    public static TheoryData<string, string, int, int> Cases()
    {
        var cases = new TheoryData<string, string, int, int>();
        foreach (var endpoint in Endpoints)
        {
            foreach (var role in StaffRoles.All)
            {
                foreach (var place in new[] { "home", "other" })
                {
                    foreach (var level in RecordOf.Keys.Where(level => !IsCaseEndpoint(endpoint) || level == 4))
                    {
                        cases.Add(endpoint, $"{role}@{place}", level, Expected(endpoint, CallerOf(role, place), level));
                    }
                }
            }
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EachCallerGetsTheStatusThePermissionsTableGives(string endpoint, string caller, int level, int expected)
    {
        using var response = await CallAsync(endpoint, ledger.Client(caller), level);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == (int)response.StatusCode, $"{endpoint} as {caller} on L{level}: expected {expected}, got {(int)response.StatusCode}: {body}");
    }

    [Fact]
    public void TheGeneratedMatrixCoversEveryRoleOfTheTable() =>
        Assert.Equal(RoleTable.Names.Count * 2 * Endpoints.Sum(e => IsCaseEndpoint(e) ? 1 : RecordOf.Count), Cases().Count);

    [Fact]
    public async Task TheBureauAboveAnOfficeRevokesTheOfficesRecord()
    {
        var record = await Samples.SubmitAsync(ledger.Factory.ClientFor(EmbeddedKeys.OfficeOfficerKeyName), Samples.CheckIn());

        using var response = await ledger.Client("correction-officer@home").PostAsJsonAsync(
            $"/api/v1/records/{record.GetProperty("recordHash").GetString()}/revocation", new { reasonCode = "issued-in-error" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task AnOfficeDoesNotRevokeTheRecordOfTheBureauAboveIt()
    {
        var record = await Samples.SubmitAsync(ledger.Factory.ClientFor(Roles.CorrectionOfficer), Samples.CheckIn());

        using var response = await ledger.Factory.ClientFor(EmbeddedKeys.OfficeOfficerKeyName).PostAsJsonAsync(
            $"/api/v1/records/{record.GetProperty("recordHash").GetString()}/revocation", new { reasonCode = "issued-in-error" });

        // The office reads its district's check-ins (same jurisdiction), so it is told no rather than misled.
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static Who CallerOf(string role, string place) => place == "home"
        ? new(role, EmbeddedOrganisations.HomeOf(role), EmbeddedOrganisations.HomeArea)
        : new(role, role == Roles.Admin ? "matrix-binjiang-operator" : EmbeddedOrganisations.NeighbourOf(role), EmbeddedOrganisations.NeighbourArea);

    private static What HomeRecord(int level) => new(RecordOf[level].Domain, RecordOf[level].Type, (DataLevel)level,
        EmbeddedOrganisations.HomeOf(RecordOf[level].IssuerRole), EmbeddedOrganisations.HomeArea, []);

    private static int Expected(string endpoint, Who who, int level)
    {
        var record = HomeRecord(level);
        return endpoint switch
        {
            "POST /records" => Allows(who, RecordAction.Submit, record with { Issuer = who.Organisation, Area = who.Area }) ? 202 : 403,
            "GET /records/{id}" => !Allows(who, RecordAction.Read, record) ? Refused(who, record) : level == 4 ? 403 : 200,
            "GET /records/{id} +purpose" => Allows(who, RecordAction.Read, record) ? 200 : Refused(who, record),
            "GET /status" => Has(who.Role, ServiceRights.ReadStatus) ? 200 : 403,
            "GET /access-trail" or "GET /access-trail/verification" => ReachesAJurisdiction(who.Role, RecordAction.ReadAccessTrail) ? 200 : 403,
            "GET /records/{id}/access-trail" => Allows(who, RecordAction.ReadAccessTrail, record) ? 200 : Refused(who, record),
            "POST /erasures" => Erasure(who, record),
            "POST /records/{hash}/revocation" => Allows(who, RecordAction.Revoke, record) ? 201 : Refused(who, record),
            // Opening a case is submitting its case-opened record, in the caller's own name and jurisdiction.
            "POST /correction/cases" => Allows(who, RecordAction.Submit, HomeCase with { Issuer = who.Organisation, Area = who.Area }) ? 201 : 403,
            // A case is looked up in the caller's own jurisdiction: whoever may not read it learns nothing (404).
            "GET /correction/cases/{ref}" => Allows(who, RecordAction.Read, HomeCase) ? 403 : 404,
            "GET /correction/cases/{ref} +purpose" or "GET /correction/cases/{ref}/alerts +purpose" => Allows(who, RecordAction.Read, HomeCase) ? 200 : 404,
            "POST /correction/cases/{ref}/evidence +purpose" => Allows(who, RecordAction.Read, HomeCase) ? 202 : 404,
            // A jurisdiction's alerts: the caller's own, read as any case of it would be.
            "GET /correction/alerts +purpose" => Allows(who, RecordAction.Read, HomeCase with { Issuer = "", Area = who.Area }) ? 200 : 404,
            _ => 200, // verify, proofs and record types are public
        };
    }

    // An erasure names a subject of the caller's own organisation and a domain, not a record: judged on the domain's
    // rows with the caller's organisation as issuer; the subject exists only in the home issuer. L1 has no subject.
    private static int Erasure(Who who, What home)
    {
        if (home.Level == DataLevel.Public)
        {
            return 400;
        }
        var own = home with { Type = null, Issuer = who.Organisation, Area = who.Area };
        if (!Allows(who, RecordAction.Erase, own))
        {
            return Refused(who, own);
        }
        return who.Organisation == home.Issuer ? 201 : 404;
    }

    private Task<HttpResponseMessage> CallAsync(string endpoint, HttpClient client, int level)
    {
        var record = ledger.Record(level);
        string Id() => record.GetProperty("id").GetString()!;
        string Hash() => record.GetProperty("recordHash").GetString()!;
        return endpoint switch
        {
            "POST /records" => client.PostAsJsonAsync("/api/v1/records", MatrixLedger.SubmissionOf[level]()),
            "GET /records/{id}" => client.GetAsync($"/api/v1/records/{Id()}"),
            "GET /records/{id} +purpose" => client.SendAsync(WithPurpose($"/api/v1/records/{Id()}")),
            "GET /verify/{hash}" => client.GetAsync($"/api/v1/verify/{Hash()}"),
            "GET /proofs/{hash}" => client.GetAsync($"/api/v1/proofs/{Hash()}"),
            "GET /status" => client.GetAsync("/api/v1/status"),
            "GET /access-trail" => client.GetAsync("/api/v1/access-trail"),
            "GET /access-trail/verification" => client.GetAsync("/api/v1/access-trail/verification"),
            "GET /records/{id}/access-trail" => client.GetAsync($"/api/v1/records/{Id()}/access-trail"),
            "POST /erasures" => ledger.EraseFreshSubjectAsync(client, level),
            "POST /records/{hash}/revocation" => ledger.RevokeFreshRecordAsync(client, level),
            "GET /record-types" => client.GetAsync("/api/v1/record-types"),
            "POST /correction/cases" => client.PostAsJsonAsync("/api/v1/correction/cases",
                new System.Text.Json.Nodes.JsonObject { ["payload"] = Samples.CasePayload($"MX-{Guid.NewGuid().ToString("N")[..10]}") }),
            "GET /correction/cases/{ref}" => client.GetAsync($"/api/v1/correction/cases/{MatrixLedger.HomeCaseRef}"),
            "GET /correction/cases/{ref} +purpose" => client.SendAsync(WithPurpose($"/api/v1/correction/cases/{MatrixLedger.HomeCaseRef}")),
            "GET /correction/cases/{ref}/alerts +purpose" => client.SendAsync(WithPurpose($"/api/v1/correction/cases/{MatrixLedger.HomeCaseRef}/alerts")),
            "GET /correction/alerts +purpose" => client.SendAsync(WithPurpose("/api/v1/correction/alerts")),
            "POST /correction/cases/{ref}/evidence +purpose" => client.SendAsync(WithPurpose($"/api/v1/correction/cases/{MatrixLedger.HomeCaseRef}/evidence", HttpMethod.Post,
                new System.Text.Json.Nodes.JsonObject { ["from"] = "1970-01-01", ["to"] = Core.Records.Types.CommunityCorrection.CorrectionCalendar.Format(Core.Records.Types.CommunityCorrection.CorrectionCalendar.DayOf(DateTimeOffset.UtcNow)) })),
            _ => throw new ArgumentException(endpoint, nameof(endpoint)),
        };
    }

    private static HttpRequestMessage WithPurpose(string path, HttpMethod? method = null, System.Text.Json.Nodes.JsonObject? body = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Get, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("X-Access-Purpose", Purpose);
        return request;
    }
}
