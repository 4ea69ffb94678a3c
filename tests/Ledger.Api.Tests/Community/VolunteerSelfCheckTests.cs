using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ledger.Api.Access;
using Ledger.Api.Tests.Projections;

namespace Ledger.Api.Tests.Community;

/// <summary>A volunteer checks their own time-bank account with reference and check secret, with no account, and learns nothing else.</summary>
public sealed class VolunteerSelfCheckTests(SharedLedger ledger) : IClassFixture<SharedLedger>
{
    private const string Home = "demo-community-committee";
    private readonly LedgerApiFactory _factory = ledger.Factory;

    [Fact]
    public async Task AVolunteerWithTheSecretFromTheirStatementSeesTheirBalanceAndEntriesWithoutAnAccount()
    {
        var (bank, secret) = await CreditedVolunteerAsync(3m);

        var answer = await SelfCheckAsync(Home, bank.VolunteerRef, secret.ToUpperInvariant().Replace("-", " ", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("no-store", answer.Headers.CacheControl?.ToString());
        var account = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("3", account.GetProperty("balance").GetString());
        Assert.Equal(JsonValueKind.Null, account.GetProperty("checkSecret").ValueKind);
        Assert.Equal(["volunteer-service", "service-confirmation", "volunteer-service", "service-confirmation", "timebank-statement"],
            account.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task AWrongSecretAnUnknownReferenceAndAnUnknownCommunityGetTheSameAnswer()
    {
        var (bank, secret) = await CreditedVolunteerAsync(1m);
        var wrong = string.Concat(secret.Select(c => c == '-' ? c : c == '0' ? '1' : '0'));

        var answers = new[]
        {
            await SelfCheckAsync(Home, bank.VolunteerRef, wrong),
            await SelfCheckAsync(Home, new TimeBank(Home).VolunteerRef, secret),
            await SelfCheckAsync("no-such-community", bank.VolunteerRef, secret),
            await SelfCheckAsync(Home, bank.VolunteerRef, secret[..^1]),
        };

        var problems = new List<string>();
        foreach (var answer in answers)
        {
            Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
            var problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
            problems.Add($"{problem.GetProperty("status")}|{problem.GetProperty("title")}|{problem.GetProperty("detail")}|{problem.TryGetProperty("rule", out _)}");
        }
        Assert.Single(problems.Distinct());
    }

    [Fact]
    public async Task ASecretOpensOnlyTheAccountItWasIssuedFor()
    {
        var (_, secret) = await CreditedVolunteerAsync(1m);
        var (other, _) = await CreditedVolunteerAsync(2m);

        var answer = await SelfCheckAsync(Home, other.VolunteerRef, secret);

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
    }

    [Fact]
    public async Task TheCommunityPageFormShowsTheAccountAndAnswersEveryMismatchWithTheSamePage()
    {
        var (bank, secret) = await CreditedVolunteerAsync(2.5m);
        var page = _factory.CreateClient();

        var right = await PostFormAsync(page, bank.VolunteerRef, secret);
        var wrongSecret = await PostFormAsync(page, bank.VolunteerRef, new string('0', 32));
        var unknownRef = await PostFormAsync(page, new TimeBank(Home).VolunteerRef, secret);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        var html = await right.Content.ReadAsStringAsync();
        Assert.Contains("2.5 小时 h", html, StringComparison.Ordinal);
        Assert.Contains("/v/0x", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, wrongSecret.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownRef.StatusCode);
        Assert.Equal(await wrongSecret.Content.ReadAsStringAsync(), await unknownRef.Content.ReadAsStringAsync());
        Assert.Contains("action=\"/community/" + Home + "/self-check\"", await page.GetStringAsync($"/community/{Home}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMalformedRequestIsA400NamingTheField()
    {
        var answer = await _factory.CreateClient().PostAsJsonAsync($"/api/v1/community/{Home}/timebank/self-check", new { volunteerRef = "V-abc", extra = 1 });

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var errors = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("secret", out _));
        Assert.True(errors.TryGetProperty("extra", out _));
    }

    private async Task<(TimeBank Bank, string Secret)> CreditedVolunteerAsync(decimal hours)
    {
        var worker = _factory.ClientFor(Roles.CommunityWorker);
        var bank = new TimeBank(Home);
        await bank.CreditAsync(worker, await TimeBank.SecondWorkerAsync(_factory, Home), hours);
        var statement = await worker.PostAsync($"/api/v1/community/{Home}/timebank/{bank.VolunteerRef}/statement", content: null);
        var secret = (await statement.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checkSecret").GetString()!;
        Assert.Matches("^[0-9a-f]{4}(-[0-9a-f]{4}){7}$", secret);
        return (bank, secret);
    }

    private Task<HttpResponseMessage> SelfCheckAsync(string community, string volunteerRef, string secret) =>
        _factory.CreateClient().PostAsJsonAsync($"/api/v1/community/{community}/timebank/self-check", new { volunteerRef, secret });

    private static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string volunteerRef, string secret) =>
        client.PostAsync($"/community/{Home}/self-check",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["volunteerRef"] = volunteerRef, ["secret"] = secret }));
}
