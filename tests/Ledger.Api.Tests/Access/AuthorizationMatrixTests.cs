using System.Net.Http.Json;

namespace Ledger.Api.Tests.Access;

/// <summary>
/// The authorization matrix of docs/security.md, end to end: every endpoint × caller (role × own/other
/// jurisdiction, keys whose role does not fit their organisation's kind, and the anonymous public) × data level gets
/// exactly the status code in the table. The records are issued in Xihu (330106): "@home" callers share that
/// jurisdiction, "@other" callers are in Binjiang (330108), "{role}@{kind}" callers are misfits in Xihu.
/// </summary>
public sealed class AuthorizationMatrixTests(MatrixLedger ledger) : IClassFixture<MatrixLedger>
{
    private const string Purpose = "annual case review";

    /// <summary>How to call each endpoint about the record of a level (L1 inspection, L2 volunteer service, L4 check-in).</summary>
    private static readonly Dictionary<string, Func<MatrixLedger, HttpClient, int, Task<HttpResponseMessage>>> Endpoints = new()
    {
        ["POST /records"] = (_, client, level) => client.PostAsJsonAsync("/api/v1/records", MatrixLedger.SubmissionOf[level]()),
        ["GET /records/{id}"] = (l, client, level) => client.GetAsync($"/api/v1/records/{l.Record(level).GetProperty("id").GetString()}"),
        ["GET /records/{id} +purpose"] = (l, client, level) => SendAsync(client, HttpMethod.Get, $"/api/v1/records/{l.Record(level).GetProperty("id").GetString()}", Purpose),
        ["GET /verify/{hash}"] = (l, client, level) => client.GetAsync($"/api/v1/verify/{l.Record(level).GetProperty("recordHash").GetString()}"),
        ["GET /proofs/{hash}"] = (l, client, level) => client.GetAsync($"/api/v1/proofs/{l.Record(level).GetProperty("recordHash").GetString()}"),
        ["GET /status"] = (_, client, _) => client.GetAsync("/api/v1/status"),
        ["GET /access-trail"] = (_, client, _) => client.GetAsync("/api/v1/access-trail"),
        ["GET /access-trail/verification"] = (_, client, _) => client.GetAsync("/api/v1/access-trail/verification"),
        ["POST /erasures"] = (l, client, level) => l.EraseFreshSubjectAsync(client, level),
        ["POST /records/{hash}/revocation"] = (l, client, level) => l.RevokeFreshRecordAsync(client, level),
        ["GET /records/{id}/access-trail"] = (l, client, level) => client.GetAsync($"/api/v1/records/{l.Record(level).GetProperty("id").GetString()}/access-trail"),
        ["GET /record-types"] = (_, client, _) => client.GetAsync("/api/v1/record-types"),
        ["GET /record-types/{domain}/{type}/schema"] = (_, client, level) => client.GetAsync(
            $"/api/v1/record-types/{MatrixLedger.SubmissionOf[level]()["domain"]}/{MatrixLedger.SubmissionOf[level]()["type"]}/schema"),
    };

    /// <summary>Every caller the matrix must cover.</summary>
    private static readonly string[] Callers =
    [
        "anonymous",
        "inspector@home", "inspector@other",
        "correction-officer@home", "correction-officer@other",
        "community-worker@home", "community-worker@other",
        "auditor@home", "auditor@other",
        "admin@home", "admin@other",
        .. MatrixLedger.Misfits.Select(m => m.Caller),
    ];

    // THE MATRIX. To add an endpoint: add how to call it to Endpoints above, then one row per caller here with the
    // expected status for the L1, L2 and L4 record (use the same code three times when the level does not matter).
    // TheMatrixHasARowForEveryEndpointAndCaller fails until every caller has its row.
    private static readonly (string Endpoint, string Caller, int L1, int L2, int L4)[] Matrix =
    [
        ("POST /records", "anonymous", 401, 401, 401),
        ("POST /records", "inspector@home", 202, 403, 403),
        ("POST /records", "inspector@other", 202, 403, 403),
        ("POST /records", "correction-officer@home", 403, 403, 202),
        ("POST /records", "correction-officer@other", 403, 403, 202),
        ("POST /records", "community-worker@home", 403, 202, 403),
        ("POST /records", "community-worker@other", 403, 202, 403),
        ("POST /records", "auditor@home", 403, 403, 403),
        ("POST /records", "auditor@other", 403, 403, 403),
        ("POST /records", "admin@home", 403, 403, 403),
        ("POST /records", "admin@other", 403, 403, 403),

        // Another domain's or jurisdiction's L3/L4 record is a 404, as if unknown; L4 needs a stated purpose.
        ("GET /records/{id}", "anonymous", 401, 401, 401),
        ("GET /records/{id}", "inspector@home", 200, 403, 404),
        ("GET /records/{id}", "inspector@other", 200, 403, 404),
        ("GET /records/{id}", "correction-officer@home", 403, 403, 403),
        ("GET /records/{id}", "correction-officer@other", 403, 403, 404),
        ("GET /records/{id}", "community-worker@home", 403, 200, 404),
        ("GET /records/{id}", "community-worker@other", 403, 403, 404),
        ("GET /records/{id}", "auditor@home", 200, 200, 403),
        ("GET /records/{id}", "auditor@other", 200, 403, 404),
        ("GET /records/{id}", "admin@home", 200, 403, 404),
        ("GET /records/{id}", "admin@other", 200, 403, 404),

        ("GET /records/{id} +purpose", "anonymous", 401, 401, 401),
        ("GET /records/{id} +purpose", "inspector@home", 200, 403, 404),
        ("GET /records/{id} +purpose", "inspector@other", 200, 403, 404),
        ("GET /records/{id} +purpose", "correction-officer@home", 403, 403, 200),
        ("GET /records/{id} +purpose", "correction-officer@other", 403, 403, 404),
        ("GET /records/{id} +purpose", "community-worker@home", 403, 200, 404),
        ("GET /records/{id} +purpose", "community-worker@other", 403, 403, 404),
        ("GET /records/{id} +purpose", "auditor@home", 200, 200, 200),
        ("GET /records/{id} +purpose", "auditor@other", 200, 403, 404),
        ("GET /records/{id} +purpose", "admin@home", 200, 403, 404),
        ("GET /records/{id} +purpose", "admin@other", 200, 403, 404),

        // Public: whoever holds the hash; what the answer shows depends on the level (PublicVerificationTests).
        ("GET /verify/{hash}", "anonymous", 200, 200, 200),
        ("GET /verify/{hash}", "inspector@home", 200, 200, 200),
        ("GET /verify/{hash}", "inspector@other", 200, 200, 200),
        ("GET /verify/{hash}", "correction-officer@home", 200, 200, 200),
        ("GET /verify/{hash}", "correction-officer@other", 200, 200, 200),
        ("GET /verify/{hash}", "community-worker@home", 200, 200, 200),
        ("GET /verify/{hash}", "community-worker@other", 200, 200, 200),
        ("GET /verify/{hash}", "auditor@home", 200, 200, 200),
        ("GET /verify/{hash}", "auditor@other", 200, 200, 200),
        ("GET /verify/{hash}", "admin@home", 200, 200, 200),
        ("GET /verify/{hash}", "admin@other", 200, 200, 200),

        ("GET /proofs/{hash}", "anonymous", 200, 200, 200),
        ("GET /proofs/{hash}", "inspector@home", 200, 200, 200),
        ("GET /proofs/{hash}", "inspector@other", 200, 200, 200),
        ("GET /proofs/{hash}", "correction-officer@home", 200, 200, 200),
        ("GET /proofs/{hash}", "correction-officer@other", 200, 200, 200),
        ("GET /proofs/{hash}", "community-worker@home", 200, 200, 200),
        ("GET /proofs/{hash}", "community-worker@other", 200, 200, 200),
        ("GET /proofs/{hash}", "auditor@home", 200, 200, 200),
        ("GET /proofs/{hash}", "auditor@other", 200, 200, 200),
        ("GET /proofs/{hash}", "admin@home", 200, 200, 200),
        ("GET /proofs/{hash}", "admin@other", 200, 200, 200),

        ("GET /status", "anonymous", 401, 401, 401),
        ("GET /status", "inspector@home", 403, 403, 403),
        ("GET /status", "inspector@other", 403, 403, 403),
        ("GET /status", "correction-officer@home", 403, 403, 403),
        ("GET /status", "correction-officer@other", 403, 403, 403),
        ("GET /status", "community-worker@home", 403, 403, 403),
        ("GET /status", "community-worker@other", 403, 403, 403),
        ("GET /status", "auditor@home", 200, 200, 200),
        ("GET /status", "auditor@other", 200, 200, 200),
        ("GET /status", "admin@home", 200, 200, 200),
        ("GET /status", "admin@other", 200, 200, 200),

        // The whole trail: auditors only (the list shows their own jurisdiction's records; verification walks all of it).
        ("GET /access-trail", "anonymous", 401, 401, 401),
        ("GET /access-trail", "inspector@home", 403, 403, 403),
        ("GET /access-trail", "inspector@other", 403, 403, 403),
        ("GET /access-trail", "correction-officer@home", 403, 403, 403),
        ("GET /access-trail", "correction-officer@other", 403, 403, 403),
        ("GET /access-trail", "community-worker@home", 403, 403, 403),
        ("GET /access-trail", "community-worker@other", 403, 403, 403),
        ("GET /access-trail", "auditor@home", 200, 200, 200),
        ("GET /access-trail", "auditor@other", 200, 200, 200),
        ("GET /access-trail", "admin@home", 403, 403, 403),
        ("GET /access-trail", "admin@other", 403, 403, 403),

        ("GET /access-trail/verification", "anonymous", 401, 401, 401),
        ("GET /access-trail/verification", "inspector@home", 403, 403, 403),
        ("GET /access-trail/verification", "inspector@other", 403, 403, 403),
        ("GET /access-trail/verification", "correction-officer@home", 403, 403, 403),
        ("GET /access-trail/verification", "correction-officer@other", 403, 403, 403),
        ("GET /access-trail/verification", "community-worker@home", 403, 403, 403),
        ("GET /access-trail/verification", "community-worker@other", 403, 403, 403),
        ("GET /access-trail/verification", "auditor@home", 200, 200, 200),
        ("GET /access-trail/verification", "auditor@other", 200, 200, 200),
        ("GET /access-trail/verification", "admin@home", 403, 403, 403),
        ("GET /access-trail/verification", "admin@other", 403, 403, 403),

        // One record's trail: auditors of its jurisdiction, and its issuing organisation's staff of its domain (no
        // purpose needed: the trail holds no payload). Others by the existence rule: 403 for L1/L2, 404 for L4.
        ("GET /records/{id}/access-trail", "anonymous", 401, 401, 401),
        ("GET /records/{id}/access-trail", "inspector@home", 200, 403, 404),
        ("GET /records/{id}/access-trail", "inspector@other", 403, 403, 404),
        ("GET /records/{id}/access-trail", "correction-officer@home", 403, 403, 200),
        ("GET /records/{id}/access-trail", "correction-officer@other", 403, 403, 404),
        ("GET /records/{id}/access-trail", "community-worker@home", 403, 200, 404),
        ("GET /records/{id}/access-trail", "community-worker@other", 403, 403, 404),
        ("GET /records/{id}/access-trail", "auditor@home", 200, 200, 200),
        ("GET /records/{id}/access-trail", "auditor@other", 403, 403, 404),
        ("GET /records/{id}/access-trail", "admin@home", 403, 403, 404),
        ("GET /records/{id}/access-trail", "admin@other", 403, 403, 404),

        // Public, like verification: which record types exist and their schemas, at every level.
        ("GET /record-types", "anonymous", 200, 200, 200),
        ("GET /record-types", "inspector@home", 200, 200, 200),
        ("GET /record-types", "inspector@other", 200, 200, 200),
        ("GET /record-types", "correction-officer@home", 200, 200, 200),
        ("GET /record-types", "correction-officer@other", 200, 200, 200),
        ("GET /record-types", "community-worker@home", 200, 200, 200),
        ("GET /record-types", "community-worker@other", 200, 200, 200),
        ("GET /record-types", "auditor@home", 200, 200, 200),
        ("GET /record-types", "auditor@other", 200, 200, 200),
        ("GET /record-types", "admin@home", 200, 200, 200),
        ("GET /record-types", "admin@other", 200, 200, 200),

        ("GET /record-types/{domain}/{type}/schema", "anonymous", 200, 200, 200),
        ("GET /record-types/{domain}/{type}/schema", "inspector@home", 200, 200, 200),
        ("GET /record-types/{domain}/{type}/schema", "inspector@other", 200, 200, 200),
        ("GET /record-types/{domain}/{type}/schema", "correction-officer@home", 200, 200, 200),
        ("GET /record-types/{domain}/{type}/schema", "correction-officer@other", 200, 200, 200),
        ("GET /record-types/{domain}/{type}/schema", "community-worker@home", 200, 200, 200),
        ("GET /record-types/{domain}/{type}/schema", "community-worker@other", 200, 200, 200),
        ("GET /record-types/{domain}/{type}/schema", "auditor@home", 200, 200, 200),
        ("GET /record-types/{domain}/{type}/schema", "auditor@other", 200, 200, 200),
        ("GET /record-types/{domain}/{type}/schema", "admin@home", 200, 200, 200),
        ("GET /record-types/{domain}/{type}/schema", "admin@other", 200, 200, 200),

        // POST /erasures acts within the caller's own organisation (an erasure names a subject, not a record): L1 has no
        // data subject (400); domain staff erase their organisation's subjects (201), and "@other" staff find none of
        // the home organisation's records in their own (404); everyone else is refused as for reading.
        ("POST /erasures", "anonymous", 401, 401, 401),
        ("POST /erasures", "inspector@home", 400, 403, 404),
        ("POST /erasures", "inspector@other", 400, 403, 404),
        ("POST /erasures", "correction-officer@home", 400, 403, 201),
        ("POST /erasures", "correction-officer@other", 400, 403, 404),
        ("POST /erasures", "community-worker@home", 400, 201, 404),
        ("POST /erasures", "community-worker@other", 400, 404, 404),
        ("POST /erasures", "auditor@home", 400, 403, 403),
        ("POST /erasures", "auditor@other", 400, 403, 403),
        ("POST /erasures", "admin@home", 400, 403, 404),
        ("POST /erasures", "admin@other", 400, 403, 404),

        // Revocation: the issuing organisation's own staff of the record's domain (201); everyone else by the
        // existence rule — 403 to whoever may read the record (an auditor of an L4 record included), 404 for L4 otherwise.
        ("POST /records/{hash}/revocation", "anonymous", 401, 401, 401),
        ("POST /records/{hash}/revocation", "inspector@home", 201, 403, 404),
        ("POST /records/{hash}/revocation", "inspector@other", 403, 403, 404),
        ("POST /records/{hash}/revocation", "correction-officer@home", 403, 403, 201),
        ("POST /records/{hash}/revocation", "correction-officer@other", 403, 403, 404),
        ("POST /records/{hash}/revocation", "community-worker@home", 403, 201, 404),
        ("POST /records/{hash}/revocation", "community-worker@other", 403, 403, 404),
        ("POST /records/{hash}/revocation", "auditor@home", 403, 403, 403),
        ("POST /records/{hash}/revocation", "auditor@other", 403, 403, 404),
        ("POST /records/{hash}/revocation", "admin@home", 403, 403, 404),
        ("POST /records/{hash}/revocation", "admin@other", 403, 403, 404),
    ];

    // Keys whose role does not fit their organisation's kind (MatrixLedger.Misfits: a correction officer of a market
    // supervision bureau, an inspector of a judicial bureau, …) hold nothing, whatever their role: one row per endpoint,
    // the same for each of them. 403 where the existence rule allows it, 404 for L4; the public endpoints stay public;
    // an L1 erasure is a 400 before anyone is asked.
    private static readonly (string Endpoint, int L1, int L2, int L4)[] MisfitMatrix =
    [
        ("POST /records", 403, 403, 403),
        ("GET /records/{id}", 403, 403, 404),
        ("GET /records/{id} +purpose", 403, 403, 404),
        ("GET /verify/{hash}", 200, 200, 200),
        ("GET /proofs/{hash}", 200, 200, 200),
        ("GET /status", 403, 403, 403),
        ("GET /access-trail", 403, 403, 403),
        ("GET /access-trail/verification", 403, 403, 403),
        ("GET /records/{id}/access-trail", 403, 403, 404),
        ("POST /erasures", 400, 403, 404),
        ("POST /records/{hash}/revocation", 403, 403, 404),
        ("GET /record-types", 200, 200, 200),
        ("GET /record-types/{domain}/{type}/schema", 200, 200, 200),
    ];

    private static readonly (string Endpoint, string Caller, int L1, int L2, int L4)[] Rows =
    [
        .. Matrix,
        .. MatrixLedger.Misfits.SelectMany(m => MisfitMatrix.Select(row => (row.Endpoint, m.Caller, row.L1, row.L2, row.L4))),
    ];

    public static TheoryData<string, string, int, int> Cases() => CasesWhere(_ => true);

    private static TheoryData<string, string, int, int> CasesWhere(Func<(string Endpoint, string Caller, int L1, int L2, int L4), bool> include)
    {
        var cases = new TheoryData<string, string, int, int>();
        foreach (var row in Rows.Where(include))
        {
            cases.Add(row.Endpoint, row.Caller, 1, row.L1);
            cases.Add(row.Endpoint, row.Caller, 2, row.L2);
            cases.Add(row.Endpoint, row.Caller, 4, row.L4);
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public Task EachCallerGetsExactlyTheStatusTheMatrixSays(string endpoint, string caller, int level, int expected) =>
        AssertRowAsync(endpoint, caller, level, expected);

    private async Task AssertRowAsync(string endpoint, string caller, int level, int expected)
    {
        using var response = await Endpoints[endpoint](ledger, ledger.Client(caller), level);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == (int)response.StatusCode, $"{endpoint} as {caller} on L{level}: expected {expected}, got {(int)response.StatusCode}: {body}");
        if (expected >= 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public void TheMatrixHasARowForEveryEndpointAndCaller()
    {
        var missing = Endpoints.Keys.SelectMany(e => Callers.Select(c => (e, c)))
            .Where(pair => !Rows.Any(row => row.Endpoint == pair.e && row.Caller == pair.c))
            .Select(pair => $"{pair.e} as {pair.c}")
            .ToList();
        var duplicated = Rows.GroupBy(row => (row.Endpoint, row.Caller)).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        Assert.Empty(missing);
        Assert.Empty(duplicated);
        Assert.All(Rows, row => Assert.Contains(row.Endpoint, Endpoints.Keys));
    }

    [Fact]
    public async Task AMisfitKeyIsToldItsOrganisationsKindAndTheRoleThatFitsWithoutItsSecret()
    {
        var client = ledger.Client("correction-officer@market-supervision");

        using var response = await client.GetAsync("/api/v1/status");

        var body = await response.Content.ReadAsStringAsync();
        var detail = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString();
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("'correction-officer' does not fit the organisation 'demo-market-supervision-bureau'", detail);
        Assert.Contains("kind 'market-supervision'", detail);
        Assert.Contains("only the role inspector", detail);
        Assert.DoesNotContain(client.DefaultRequestHeaders.GetValues("X-Api-Key").Single()[13..], body);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string purpose)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Access-Purpose", purpose);
        return client.SendAsync(request);
    }
}
