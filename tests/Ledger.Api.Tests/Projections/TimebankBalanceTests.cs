using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ledger.Api.Access;
using Ledger.Api.Tests.Chain;
using Ledger.Api.Tests.Erasure;
using Ledger.Data.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Tests.Projections;

/// <summary>The balance-not-negative rule and the timebank-balance projection, through the real API and its SQLite file.</summary>
public sealed class TimebankBalanceTests(SharedLedger ledger) : IClassFixture<SharedLedger>
{
    private const string EmbeddedCommunity = "demo-community-committee";
    private readonly LedgerApiFactory _factory = ledger.Factory;

    [Fact]
    public async Task OfFiftyParallelRedemptionsOfOneHourAgainstSevenHoursExactlySevenCommitAndTheBalanceEndsAtZero()
    {
        var client = _factory.ClientFor(Roles.CommunityWorker);
        var confirmer = await TimeBank.SecondWorkerAsync(_factory, EmbeddedCommunity);
        var bank = new TimeBank(EmbeddedCommunity);
        await bank.CreditAsync(client, confirmer, 7m);
        Assert.Equal(7m, await bank.BalanceAsync(_factory));

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => TimeBank.PostAsync(client, bank.Redemption("1.00"))));

        Assert.Equal(7, answers.Count(a => a.StatusCode == HttpStatusCode.Accepted));
        var refused = answers.Where(a => a.StatusCode != HttpStatusCode.Accepted).ToList();
        Assert.Equal(43, refused.Count);
        foreach (var answer in refused)
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.StatusCode);
            Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
            var problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("balance-not-negative", problem.GetProperty("rule").GetString());
            Assert.Contains("the balance is 0 hours", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        Assert.Equal(0m, await bank.BalanceAsync(_factory));
    }

    [Fact]
    public async Task ARedemptionBeyondTheBalanceIsRefusedWithTheBalanceAndStoresNothing()
    {
        var client = _factory.ClientFor(Roles.CommunityWorker);
        var confirmer = await TimeBank.SecondWorkerAsync(_factory, EmbeddedCommunity);
        var bank = new TimeBank(EmbeddedCommunity);
        await bank.CreditAsync(client, confirmer, 2.5m);
        var recordsBefore = await _factory.QueryAsync(db => db.Records.CountAsync());

        var answer = await TimeBank.PostAsync(client, bank.Redemption("2.51"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.StatusCode);
        var problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Not enough time-bank hours", problem.GetProperty("title").GetString());
        Assert.Equal("balance-not-negative", problem.GetProperty("rule").GetString());
        Assert.Equal(
            "Redeeming 2.51 hours would take the volunteer's time-bank balance below zero: the balance is 2.5 hours.",
            problem.GetProperty("detail").GetString());
        Assert.Equal(recordsBefore, await _factory.QueryAsync(db => db.Records.CountAsync()));
        Assert.Equal(2.5m, await bank.BalanceAsync(_factory));
    }

    [Fact]
    public async Task RedeemingTheWholeBalanceExactlyIsAllowedAndLeavesZero()
    {
        var client = _factory.ClientFor(Roles.CommunityWorker);
        var confirmer = await TimeBank.SecondWorkerAsync(_factory, EmbeddedCommunity);
        var bank = new TimeBank(EmbeddedCommunity);
        await bank.CreditAsync(client, confirmer, 3.75m);

        await Samples.SubmitAsync(client, bank.Redemption("3.75"));

        Assert.Equal(0m, await bank.BalanceAsync(_factory));
    }

    [Fact]
    public async Task ErasingTheVolunteerDeletesTheBalanceWithTheRecords()
    {
        var client = _factory.ClientFor(Roles.CommunityWorker);
        var confirmer = await TimeBank.SecondWorkerAsync(_factory, EmbeddedCommunity);
        var bank = new TimeBank(EmbeddedCommunity);
        await bank.CreditAsync(client, confirmer, 2m);

        var digest = bank.SubjectDigest(_factory);
        // The balance row and the row saying its one service record is confirmed.
        Assert.Equal(2, await _factory.QueryAsync(db => db.Projections.CountAsync(p => p.SubjectDigest == digest)));

        var (status, _) = await Erase.SendAsync(client, "shared-community", bank.VolunteerRef);

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(0, await _factory.QueryAsync(db => db.Projections.CountAsync(p => p.SubjectDigest == digest)));
    }
}

/// <summary>The same rule when two service instances share one SQLite file: the write lock spans processes' connections.</summary>
public sealed class TimebankBalanceAcrossInstancesTests
{
    private const string Community = "twin-community-committee";

    [Fact]
    public async Task TwoInstancesOnOneDatabaseTogetherCommitOnlyTheRedemptionsTheBalanceCovers()
    {
        await using var chain = await ExternalChain.StartAsync();
        var first = new LedgerApiFactory(settings: chain.Settings());
        var second = new LedgerApiFactory(first.DataDirectory, chain.Settings());
        try
        {
            await first.ChainAsync();
            await second.ChainAsync();
            await first.QueryAsync(async db =>
            {
                await new OrganisationRegistry(db, TimeProvider.System)
                    .EnsureAsync(Community, "Twin Community Residents' Committee", OrganisationKinds.Community, "330106", default);
                return 0;
            });
            var key = await first.CreateKeyAsync(Roles.CommunityWorker, Community);
            var clients = new[] { first, second }.Select(f => Client(f, key)).ToArray();
            var confirmer = Client(first, await first.CreateKeyAsync(Roles.CommunityWorker, Community));
            var bank = new TimeBank(Community);
            await bank.CreditAsync(clients[0], confirmer, 7m);

            var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => TimeBank.PostAsync(clients[i % 2], bank.Redemption("1.00"))));

            Assert.Equal(7, answers.Count(a => a.StatusCode == HttpStatusCode.Accepted));
            Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Accepted), a => Assert.Equal(HttpStatusCode.UnprocessableEntity, a.StatusCode));
            Assert.Equal(0m, await bank.BalanceAsync(second));
        }
        finally
        {
            await first.DisposeAsync();
            await second.DisposeAsync();
            first.DeleteData();
        }
    }

    private static HttpClient Client(LedgerApiFactory factory, string key)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }
}
