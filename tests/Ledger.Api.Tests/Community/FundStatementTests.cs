using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ledger.Core.Encoding;
using Ledger.Core.Merkle;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Ledger.Api.Tests.Community;

/// <summary>A ledger whose clock the tests move, so months can end; no chain (anchoring is off), as statements need none to be written.</summary>
public sealed class MonthClockLedger : IAsyncLifetime
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 10, 10, 2, 0, 0, TimeSpan.Zero));

    public LedgerApiFactory Factory { get; }

    public MonthClockLedger() => Factory = new LedgerApiFactory(settings: new Dictionary<string, string?>
    {
        ["Chain:RpcUrl"] = "http://127.0.0.1:9/",
        ["Chain:ChainId"] = "4242",
        ["Chain:ContractAddress"] = "0x5FbDB2315678afecb367f032d93F642f64180aa3",
        ["Chain:PrivateKey"] = "0x" + new string('1', 64),
        ["Anchoring:Enabled"] = "false",
    })
    {
        ConfigureServices = s => s.AddSingleton<TimeProvider>(Clock),
    };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        Factory.DeleteData();
    }
}

/// <summary>Monthly fund statements: they equal their entries, anchor once, and a closed month never changes.</summary>
public sealed class FundStatementTests(MonthClockLedger ledger) : IClassFixture<MonthClockLedger>
{
    private readonly LedgerApiFactory _factory = ledger.Factory;

    [Fact]
    public async Task AClosedMonthsStatementEqualsItsEntriesAndLaterEntriesFallInTheNextMonth()
    {
        var community = await TestCommunity.CreateAsync(_factory, ledger.Clock);
        var month = Month();
        await Samples.SubmitAsync(community.Recorder, TestCommunity.Income("1200.00", ledger.Clock.GetUtcNow()));
        await Samples.SubmitAsync(community.Recorder, TestCommunity.Income("300.50", ledger.Clock.GetUtcNow()));
        Assert.Equal(HttpStatusCode.Created, (await community.ExpenseAsync("450.25")).StatusCode);

        var early = await CloseAsync(community, month);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);

        ledger.Clock.Advance(TimeSpan.FromDays(32));
        var closed = await CloseAsync(community, month);

        Assert.Equal(HttpStatusCode.Created, closed.StatusCode);
        var view = await closed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("1050.25", view.GetProperty("closingBalance").GetString());
        var hashes = view.GetProperty("entries").EnumerateArray().Select(e => Hex.DecodeFixed(e.GetProperty("recordHash").GetString()!, 32)).ToList();
        Assert.Equal(3, hashes.Count);
        var statementHash = view.GetProperty("statementRecord").GetString()!;
        var statement = await _factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/verify/{statementHash}");
        var payload = statement.GetProperty("content").GetProperty("payload");
        Assert.Equal(Hex.Encode(MerkleTree.Build(hashes).Root), payload.GetProperty("entriesRoot").GetString());
        Assert.Equal("1050.25", payload.GetProperty("closingBalance").GetString());
        Assert.Equal(3, payload.GetProperty("entryCount").GetInt32());

        Assert.Equal(HttpStatusCode.Conflict, (await CloseAsync(community, month)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await community.ExpenseAsync("50.25")).StatusCode);
        var again = await _factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/community/{community.Id}/fund/statements/{month}");
        Assert.Equal(3, again.GetProperty("entries").GetArrayLength());
        Assert.Equal(statementHash, again.GetProperty("statementRecord").GetString());
        var next = await _factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/community/{community.Id}/fund/statements/{Month()}");
        Assert.Equal("1050.25", next.GetProperty("openingBalance").GetString());
        Assert.Equal("1000", next.GetProperty("closingBalance").GetString());
    }

    [Fact]
    public async Task AMonthThatIsNotAMonthIsA400()
    {
        var answer = await _factory.CreateClient().GetAsync("/api/v1/community/demo-community-committee/fund/statements/2026-13");

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
    }

    private string Month() => ledger.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    private static Task<HttpResponseMessage> CloseAsync(TestCommunity community, string month) =>
        community.Recorder.PostAsync($"/api/v1/community/{community.Id}/fund/statements/{month}", content: null);
}
