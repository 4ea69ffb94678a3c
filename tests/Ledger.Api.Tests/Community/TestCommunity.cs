using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ledger.Api.Access;
using Ledger.Data.Organisations;

namespace Ledger.Api.Tests.Community;

/// <summary>A community of a test's own — its fund and time bank start empty — with a recorder and two other workers.</summary>
internal sealed class TestCommunity
{
    private TestCommunity(string id, HttpClient recorder, HttpClient first, HttpClient second) =>
        (Id, Recorder, FirstApprover, SecondApprover) = (id, recorder, first, second);

    public string Id { get; }
    public HttpClient Recorder { get; }
    public HttpClient FirstApprover { get; }
    public HttpClient SecondApprover { get; }

    public static async Task<TestCommunity> CreateAsync(LedgerApiFactory factory, TimeProvider? clock = null)
    {
        var id = "test-community-" + Guid.NewGuid().ToString("N")[..12];
        await factory.QueryAsync(db => new OrganisationRegistry(db, clock ?? TimeProvider.System)
            .CreateAsync(id, "Test Community Residents' Committee", OrganisationKinds.Community, "330106", default));
        var clients = new HttpClient[3];
        for (var i = 0; i < clients.Length; i++)
        {
            clients[i] = factory.CreateClient();
            clients[i].DefaultRequestHeaders.Add("X-Api-Key", await factory.CreateKeyAsync(Roles.CommunityWorker, id));
        }
        return new TestCommunity(id, clients[0], clients[1], clients[2]);
    }

    public static JsonObject Income(string amount, DateTimeOffset at) => new()
    {
        ["domain"] = "shared-community",
        ["type"] = "fund-income",
        ["occurredAt"] = at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
        ["payload"] = new JsonObject
        {
            ["amount"] = amount,
            ["source"] = "government-allocation",
            ["purpose"] = "Elderly canteen subsidy",
            ["receiptHash"] = "0x" + new string('1', 64),
            ["receivedOn"] = at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        },
    };

    public Task<HttpResponseMessage> ExpenseAsync(string amount, HttpClient? by = null) =>
        (by ?? Recorder).PostAsJsonAsync("/api/v1/community/fund/expenses", new
        {
            amount,
            purpose = "Stairwell lighting repair",
            payeeCategory = "contractor",
            receiptHash = "0x" + new string('2', 64),
            paidOn = "2026-11-20",
        });

    public static Task<HttpResponseMessage> ApproveAsync(HttpClient by, string expenseHash) =>
        by.PostAsync($"/api/v1/community/fund/expenses/{expenseHash}/approvals", content: null);

    public async Task<decimal> BalanceAsync(LedgerApiFactory factory) =>
        await factory.QueryAsync(db => Core.Records.Types.SharedCommunity.Fund.CommunityFund.BalanceAsync(new Data.Projections.ProjectionStore(db), Id, default));
}
