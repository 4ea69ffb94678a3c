using System.Net.Http.Json;
using System.Text.Json;
using Ledger.Api.Access;
using Ledger.Data.Organisations;

namespace Ledger.Api.Tests.Access;

/// <summary>
/// One service for the whole matrix: one record of each level issued in Xihu (330106), and a client for every caller
/// the matrix names — each role at home (330106) and in Binjiang (330108), keys whose role does not fit their
/// organisation's kind, and the anonymous public.
/// </summary>
public sealed class MatrixLedger : IAsyncLifetime
{
    /// <summary>The record type used for each level.</summary>
    public static readonly IReadOnlyDictionary<int, Func<System.Text.Json.Nodes.JsonObject>> SubmissionOf = new Dictionary<int, Func<System.Text.Json.Nodes.JsonObject>>
    {
        [1] = () => Samples.Inspection(),
        [2] = Samples.VolunteerService,
        [4] = Samples.CheckIn,
    };

    private static readonly Dictionary<int, string> IssuerRoleOf = new()
    {
        [1] = Roles.Inspector,
        [2] = Roles.CommunityWorker,
        [4] = Roles.CorrectionOfficer,
    };

    /// <summary>
    /// Callers whose key's role does not fit their organisation's kind, all in the home jurisdiction, named
    /// <c>{role}@{kind}</c>: the policy must refuse them as if the role held nothing.
    /// </summary>
    public static readonly IReadOnlyList<(string Caller, string Role, string Organisation)> Misfits =
    [
        ("correction-officer@market-supervision", Roles.CorrectionOfficer, "demo-market-supervision-bureau"),
        ("inspector@judicial", Roles.Inspector, "demo-judicial-bureau"),
        ("community-worker@judicial", Roles.CommunityWorker, "demo-judicial-bureau"),
        ("auditor@operator", Roles.Auditor, "demo-ledger-operator"),
        ("admin@audit", Roles.Admin, "demo-audit-office"),
    ];

    /// <summary>A case opened in the home jurisdiction only, by its bureau's correction officer: what the case endpoints ask about.</summary>
    public const string HomeCaseRef = "MX-HOME-CASE";

    private readonly Dictionary<string, HttpClient> _clients = [];
    private readonly Dictionary<int, JsonElement> _records = [];

    // Verification is rate-limited per address and every test request comes from the same one.
    public LedgerApiFactory Factory { get; } = new(settings: new Dictionary<string, string?> { ["RateLimits:PublicPermitLimit"] = "1000000" });

    /// <summary>The accepted answer (id, recordHash, …) of the record of <paramref name="level"/>.</summary>
    public JsonElement Record(int level) => _records[level];

    /// <summary>The client of a caller named as in the matrix: <c>anonymous</c> or <c>{role}@home</c> / <c>{role}@other</c>.</summary>
    public HttpClient Client(string caller) => _clients[caller];

    /// <summary>
    /// Submits a record about a brand-new subject from the level's home issuer, then asks <paramref name="client"/> to
    /// erase that subject — so each matrix row erases only its own data. L1 (food safety) has no data subject.
    /// </summary>
    public async Task<HttpResponseMessage> EraseFreshSubjectAsync(HttpClient client, int level)
    {
        var submission = SubmissionOf[level]();
        var subject = "ERASE-" + string.Concat(Guid.NewGuid().ToString("N")[..12].Select(c => (char)('a' + (c % 16))));
        var field = level switch { 4 => "subjectRef", 2 => "volunteerRef", _ => null };
        if (field is not null)
        {
            submission["payload"]![field] = subject;
            await Samples.SubmitAsync(Factory.ClientFor(IssuerRoleOf[level]), submission);
        }
        var body = new System.Text.Json.Nodes.JsonObject
        {
            ["domain"] = submission["domain"]!.GetValue<string>(),
            ["subjectRef"] = subject,
            ["legalBasis"] = "pipl-47-deletion-request",
        };
        return await client.PostAsJsonAsync("/api/v1/erasures", body);
    }

    /// <summary>
    /// Submits a fresh record of <paramref name="level"/> from the level's home issuer, then asks
    /// <paramref name="client"/> to revoke it — so each matrix row revokes only its own record and never meets a 409.
    /// </summary>
    public async Task<HttpResponseMessage> RevokeFreshRecordAsync(HttpClient client, int level)
    {
        var record = await Samples.SubmitAsync(Factory.ClientFor(IssuerRoleOf[level]), SubmissionOf[level]());
        var body = new System.Text.Json.Nodes.JsonObject { ["reasonCode"] = "issued-in-error" };
        return await client.PostAsJsonAsync($"/api/v1/records/{record.GetProperty("recordHash").GetString()}/revocation", body);
    }

    public async Task InitializeAsync()
    {
        await Factory.ChainAsync();
        _clients["anonymous"] = Factory.CreateClient();
        await Factory.QueryAsync(db => new OrganisationRegistry(db, TimeProvider.System)
            .CreateAsync("matrix-binjiang-operator", "Binjiang operator desk (test)", OrganisationKinds.Operator, EmbeddedOrganisations.NeighbourArea, default));
        foreach (var role in Roles.All)
        {
            _clients[$"{role}@home"] = Factory.ClientFor(role);
            var neighbour = role == Roles.Admin ? "matrix-binjiang-operator" : EmbeddedOrganisations.NeighbourOf(role);
            var client = Factory.CreateClient();
            client.DefaultRequestHeaders.Add("X-Api-Key", await Factory.CreateKeyAsync(role, neighbour));
            _clients[$"{role}@other"] = client;
        }
        foreach (var (caller, role, organisation) in Misfits)
        {
            var client = Factory.CreateClient();
            client.DefaultRequestHeaders.Add("X-Api-Key", await Factory.QueryAsync(db => MisfitKeys.InsertAsync(db, role, organisation)));
            _clients[caller] = client;
        }
        foreach (var (level, role) in IssuerRoleOf)
        {
            _records[level] = await Samples.SubmitAsync(Factory.ClientFor(role), SubmissionOf[level]());
        }
        // Every check-in belongs to a case: the sample's case is open in both jurisdictions, so officers of each submit to it.
        await Samples.EnsureCaseAsync(_clients["correction-officer@other"], Samples.CheckIn()["payload"]!["subjectRef"]!.GetValue<string>());
        await Samples.EnsureCaseAsync(_clients["correction-officer@home"], HomeCaseRef);
        // An evidence package of the home case, made by the home correction officer and ready (its event confirmed).
        var today = Core.Records.Types.CommunityCorrection.CorrectionCalendar.DayOf(DateTimeOffset.UtcNow);
        HomePackage = await Cli.Commands.Demo.EvidenceDownload.AskAsync(_clients["correction-officer@home"], HomeCaseRef, new DateOnly(1970, 1, 1), today, "matrix set-up", default);
        await Cli.Commands.Demo.EvidenceDownload.FetchAsync(_clients["correction-officer@home"], HomePackage, "matrix set-up", TimeSpan.FromSeconds(60), default);
    }

    /// <summary>Where the home case's evidence package, made by the home correction officer, is fetched.</summary>
    public Uri HomePackage { get; private set; } = null!;

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
        await Factory.DisposeAsync();
        Factory.DeleteData();
    }
}
