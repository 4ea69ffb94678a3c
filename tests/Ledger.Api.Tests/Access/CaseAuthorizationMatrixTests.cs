using System.Net.Http.Json;
using Ledger.Api.Access;

namespace Ledger.Api.Tests.Access;

/// <summary>
/// The community-correction endpoints' authorization matrix, written out by hand from docs/security.md and
/// docs/community-correction.md — independent of the policy code and of GeneratedAuthorizationMatrixTests, which
/// derives its expectations from the permissions table. Every case endpoint × every caller (each role in the case's
/// home jurisdiction, Xihu 330106, and in Binjiang 330108; keys whose role does not fit their organisation; the
/// anonymous public) gets exactly the status written here. Cases are L4: whoever may not read the case learns nothing
/// of it (404), and reading needs a stated purpose.
/// </summary>
public sealed class CaseAuthorizationMatrixTests(MatrixLedger ledger) : IClassFixture<MatrixLedger>
{
    private const string Purpose = "annual case review";

    private static readonly Dictionary<string, Func<MatrixLedger, HttpClient, Task<HttpResponseMessage>>> Endpoints = new()
    {
        ["POST /correction/cases"] = (_, client) => client.PostAsJsonAsync("/api/v1/correction/cases",
            new System.Text.Json.Nodes.JsonObject { ["payload"] = Samples.CasePayload($"MH-{Guid.NewGuid().ToString("N")[..10]}") }),
        ["GET /correction/cases/{ref}"] = (_, client) => client.GetAsync(CasePath),
        ["GET /correction/cases/{ref} +purpose"] = (_, client) => SendAsync(client, HttpMethod.Get, CasePath),
        ["GET /correction/cases/{ref}/alerts +purpose"] = (_, client) => SendAsync(client, HttpMethod.Get, $"{CasePath}/alerts"),
        ["GET /correction/alerts +purpose"] = (_, client) => SendAsync(client, HttpMethod.Get, "/api/v1/correction/alerts"),
        ["POST /correction/cases/{ref}/evidence +purpose"] = (_, client) => SendAsync(client, HttpMethod.Post, $"{CasePath}/evidence",
            new System.Text.Json.Nodes.JsonObject { ["from"] = "1970-01-01", ["to"] = Core.Records.Types.CommunityCorrection.CorrectionCalendar.Format(Core.Records.Types.CommunityCorrection.CorrectionCalendar.DayOf(DateTimeOffset.UtcNow)) }),
        ["GET /correction/cases/{ref}/evidence/{id} +purpose"] = (l, client) => SendAsync(client, HttpMethod.Get, l.HomePackage.ToString()),
    };

    private const string CasePath = $"/api/v1/correction/cases/{MatrixLedger.HomeCaseRef}";

    /// <summary>Every caller: each role at home and in the other district, the misfits, and the public.</summary>
    private static readonly string[] Callers =
    [
        "anonymous",
        .. Roles.All.SelectMany(role => new[] { $"{role}@home", $"{role}@other" }),
        .. MatrixLedger.Misfits.Select(m => m.Caller),
    ];

    // THE MATRIX. Who reads the home case: its jurisdiction's correction officers, bureau approvers and auditors
    // (the first two see the sealed identity too). Who opens a case: a correction officer, in its own jurisdiction.
    // The jurisdiction's alert list is the caller's own district's (so "@other" readers get their own, 200).
    // Whoever may read the case may have its evidence package made (202); a package is fetched only by the key that
    // made it — the home correction officer's, in MatrixLedger — so the case's other readers get 404 for it too.
    private static readonly (string Endpoint, string Caller, int Status)[] Matrix =
    [
        .. Row("POST /correction/cases", 401, home: [("correction-officer", 201)], other: [("correction-officer", 201)], misfit: 403, rest: 403),
        .. Row("GET /correction/cases/{ref}", 401, home: [("correction-officer", 403), ("bureau-approver", 403), ("auditor", 403)], other: [], misfit: 404, rest: 404),
        .. Row("GET /correction/cases/{ref} +purpose", 401, home: [("correction-officer", 200), ("bureau-approver", 200), ("auditor", 200)], other: [], misfit: 404, rest: 404),
        .. Row("GET /correction/cases/{ref}/alerts +purpose", 401, home: [("correction-officer", 200), ("bureau-approver", 200), ("auditor", 200)], other: [], misfit: 404, rest: 404),
        .. Row("GET /correction/alerts +purpose", 401, home: [("correction-officer", 200), ("bureau-approver", 200), ("auditor", 200)],
            other: [("correction-officer", 200), ("bureau-approver", 200), ("auditor", 200)], misfit: 404, rest: 404),
        .. Row("POST /correction/cases/{ref}/evidence +purpose", 401, home: [("correction-officer", 202), ("bureau-approver", 202), ("auditor", 202)], other: [], misfit: 404, rest: 404),
        .. Row("GET /correction/cases/{ref}/evidence/{id} +purpose", 401, home: [("correction-officer", 200)], other: [], misfit: 404, rest: 404),
    ];

    // One endpoint's rows: the public's status, the roles at home and in the other district that differ from the rest.
    private static IEnumerable<(string, string, int)> Row(string endpoint, int anonymous, (string Role, int Status)[] home, (string Role, int Status)[] other, int misfit, int rest) =>
    [
        (endpoint, "anonymous", anonymous),
        .. Roles.All.Select(role => (endpoint, $"{role}@home", home.FirstOrDefault(h => h.Role == role) is { Role: not null } h ? h.Status : rest)),
        .. Roles.All.Select(role => (endpoint, $"{role}@other", other.FirstOrDefault(o => o.Role == role) is { Role: not null } o ? o.Status : rest)),
        .. MatrixLedger.Misfits.Select(m => (endpoint, m.Caller, misfit)),
    ];

    public static TheoryData<string, string, int> Cases()
    {
        var cases = new TheoryData<string, string, int>();
        foreach (var (endpoint, caller, status) in Matrix)
        {
            cases.Add(endpoint, caller, status);
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EachCallerGetsExactlyTheStatusTheCaseMatrixSays(string endpoint, string caller, int expected)
    {
        using var response = await Endpoints[endpoint](ledger, ledger.Client(caller));

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == (int)response.StatusCode, $"{endpoint} as {caller}: expected {expected}, got {(int)response.StatusCode}: {body}");
        if (expected >= 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public void TheCaseMatrixHasOneRowForEveryEndpointAndCaller()
    {
        var missing = Endpoints.Keys.SelectMany(e => Callers.Select(c => (e, c)))
            .Where(pair => !Matrix.Any(row => row.Endpoint == pair.e && row.Caller == pair.c))
            .Select(pair => $"{pair.e} as {pair.c}")
            .ToList();

        Assert.Empty(missing);
        Assert.Empty(Matrix.GroupBy(row => (row.Endpoint, row.Caller)).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.All(Matrix, row => Assert.Contains(row.Endpoint, Endpoints.Keys));
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, System.Text.Json.Nodes.JsonObject? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("X-Access-Purpose", Purpose);
        return client.SendAsync(request);
    }
}
