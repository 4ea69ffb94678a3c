using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ledger.Api.Access;
using Ledger.Api.Tests.Projections;
using Ledger.Core.Canonical;
using Ledger.Core.Encoding;
using Ledger.Core.Hashing;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Tests.Community;

/// <summary>The time bank through the real API: second-person confirmation, transfers between communities, the account and its statement.</summary>
public sealed class TimebankTests(SharedLedger ledger) : IClassFixture<SharedLedger>
{
    private const string Home = "demo-community-committee";
    private const string Neighbour = "demo-binjiang-community-committee";
    private readonly LedgerApiFactory _factory = ledger.Factory;

    [Fact]
    public async Task RecordedHoursArePendingAndCannotBeSpentUntilASecondPersonConfirmsThem()
    {
        var recorder = _factory.ClientFor(Roles.CommunityWorker);
        var bank = new TimeBank(Home);
        var service = await Samples.SubmitAsync(recorder, bank.Service(3m));

        var early = await TimeBank.PostAsync(recorder, bank.Redemption("1.00"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        Assert.Equal(0m, await bank.BalanceAsync(_factory));

        var confirmed = await TimeBank.ConfirmAsync(await TimeBank.SecondWorkerAsync(_factory, Home), service.GetProperty("recordHash").GetString()!);

        Assert.Equal(HttpStatusCode.Created, confirmed.StatusCode);
        Assert.Equal(3m, await bank.BalanceAsync(_factory));
        Assert.Equal(HttpStatusCode.Accepted, (await TimeBank.PostAsync(recorder, bank.Redemption("1.00"))).StatusCode);
    }

    [Fact]
    public async Task TheRecorderCannotConfirmTheirOwnHoursAndNothingIsStored()
    {
        var recorder = _factory.ClientFor(Roles.CommunityWorker);
        var bank = new TimeBank(Home);
        var service = await Samples.SubmitAsync(recorder, bank.Service(2m));
        var recordsBefore = await _factory.QueryAsync(db => db.Records.CountAsync());

        var answer = await TimeBank.ConfirmAsync(recorder, service.GetProperty("recordHash").GetString()!);

        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
        var problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("second-person", problem.GetProperty("rule").GetString());
        Assert.Equal(recordsBefore, await _factory.QueryAsync(db => db.Records.CountAsync()));
        Assert.Equal(0m, await bank.BalanceAsync(_factory));
    }

    [Fact]
    public async Task OfFiftyConcurrentConfirmationsOfOneRecordExactlyOneCountsAndTheRestAre409()
    {
        var bank = new TimeBank(Home);
        var service = await Samples.SubmitAsync(_factory.ClientFor(Roles.CommunityWorker), bank.Service(2.5m));
        var confirmer = await TimeBank.SecondWorkerAsync(_factory, Home);
        var hash = service.GetProperty("recordHash").GetString()!;

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => TimeBank.ConfirmAsync(confirmer, hash)));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        foreach (var answer in answers.Where(a => a.StatusCode != HttpStatusCode.Created))
        {
            Assert.Equal(HttpStatusCode.Conflict, answer.StatusCode);
            Assert.Equal("confirmed-once", (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString());
        }
        Assert.Equal(2.5m, await bank.BalanceAsync(_factory));
    }

    [Fact]
    public async Task ATransferToAnotherCommunityTakesTheHoursFromTheGiverAndGivesThemToTheReceiverThere()
    {
        var worker = _factory.ClientFor(Roles.CommunityWorker);
        var giver = new TimeBank(Home);
        var receiver = new TimeBank(Neighbour);
        await giver.CreditAsync(worker, await TimeBank.SecondWorkerAsync(_factory, Home), 5m);

        var answer = await TransferAsync(worker, giver, receiver, "1.75");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var body = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("3.25", body.GetProperty("balance").GetString());
        Assert.Equal(3.25m, await giver.BalanceAsync(_factory));
        Assert.Equal(1.75m, await receiver.BalanceAsync(_factory));
        var received = body.GetProperty("receivedRecord").GetString();
        Assert.Equal(Neighbour, await _factory.QueryAsync(db => db.Records.Where(r => r.RecordHash == received).Select(r => r.Issuer).SingleAsync()));
    }

    [Fact]
    public async Task OfFiftyConcurrentTransfersAndRedemptionsAgainstSevenHoursExactlySevenCommitAndTheRestGetTheBalance()
    {
        var worker = _factory.ClientFor(Roles.CommunityWorker);
        var giver = new TimeBank(Home);
        var receiver = new TimeBank(Neighbour);
        await giver.CreditAsync(worker, await TimeBank.SecondWorkerAsync(_factory, Home), 7m);

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => i % 2 == 0
            ? TransferAsync(worker, giver, receiver, "1.00")
            : TimeBank.PostAsync(worker, giver.Redemption("1.00"))));

        Assert.Equal(7, answers.Count(a => a.IsSuccessStatusCode));
        foreach (var answer in answers.Where(a => !a.IsSuccessStatusCode))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.StatusCode);
            var problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("balance-not-negative", problem.GetProperty("rule").GetString());
            Assert.Contains("the balance is 0 hours", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        Assert.Equal(0m, await giver.BalanceAsync(_factory));
        var transfers = answers.Where((a, i) => i % 2 == 0 && a.IsSuccessStatusCode).Count();
        Assert.Equal(transfers, await receiver.BalanceAsync(_factory));
    }

    [Fact]
    public async Task ATransferToAnUnknownCommunityIsRefusedAndStoresNothing()
    {
        var worker = _factory.ClientFor(Roles.CommunityWorker);
        var giver = new TimeBank(Home);
        await giver.CreditAsync(worker, await TimeBank.SecondWorkerAsync(_factory, Home), 2m);

        var answer = await TransferAsync(worker, giver, new TimeBank("no-such-community"), "1.00");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.StatusCode);
        Assert.Equal("known-community", (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString());
        Assert.Equal(2m, await giver.BalanceAsync(_factory));
    }

    [Fact]
    public async Task TheAccountShowsBalanceConfirmedAndPendingHoursAndEveryEntryByItsHash()
    {
        var worker = _factory.ClientFor(Roles.CommunityWorker);
        var bank = new TimeBank(Home);
        await bank.CreditAsync(worker, await TimeBank.SecondWorkerAsync(_factory, Home), 4m);
        var unconfirmed = await Samples.SubmitAsync(worker, bank.Service(1.5m));
        await Samples.SubmitAsync(worker, bank.Redemption("0.50"));

        var account = await worker.GetFromJsonAsync<JsonElement>($"/api/v1/community/{Home}/timebank/{bank.VolunteerRef}");

        Assert.Equal("3.5", account.GetProperty("balance").GetString());
        Assert.Equal("4", account.GetProperty("confirmedHours").GetString());
        Assert.Equal("1.5", account.GetProperty("pendingHours").GetString());
        var entries = account.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(["volunteer-service", "service-confirmation", "volunteer-service", "service-confirmation", "volunteer-service", "hours-redemption"],
            entries.Select(e => e.GetProperty("type").GetString()));
        var pending = entries.Single(e => e.GetProperty("recordHash").GetString() == unconfirmed.GetProperty("recordHash").GetString());
        Assert.Equal("pending", pending.GetProperty("status").GetString());
        Assert.All(entries, e => Assert.True(Hex.IsFixed(e.GetProperty("recordHash").GetString(), 32)));
    }

    [Fact]
    public async Task AnotherCommunityCanRecomputeAStatementsHashAndFindItAtTheVerifyEndpoint()
    {
        var worker = _factory.ClientFor(Roles.CommunityWorker);
        var bank = new TimeBank(Home);
        await bank.CreditAsync(worker, await TimeBank.SecondWorkerAsync(_factory, Home), 2m);

        var answer = await worker.PostAsync($"/api/v1/community/{Home}/timebank/{bank.VolunteerRef}/statement", content: null);

        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        var statement = await answer.Content.ReadFromJsonAsync<JsonElement>();
        var envelope = statement.GetProperty("envelope");
        Assert.Equal("2", envelope.GetProperty("payload").GetProperty("balance").GetString());
        Assert.Equal(2, envelope.GetProperty("payload").GetProperty("entryCount").GetInt32());
        var hash = statement.GetProperty("recordHash").GetString()!;
        Assert.Equal(hash, Hex.Encode(Keccak256.Hash(JsonCanonicalizer.Canonicalize(envelope.GetRawText()))));
        var verified = await _factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/verify/{hash}");
        Assert.Equal(Home, verified.GetProperty("issuer").GetString());
    }

    [Fact]
    public async Task AWorkerOfAnotherCommunityCannotActOnThisCommunitysTimeBank()
    {
        var bank = new TimeBank(Home);
        var outsider = _factory.CreateClient();
        outsider.DefaultRequestHeaders.Add("X-Api-Key", _factory.KeyFor(EmbeddedKeys.NeighbourKeyName(Roles.CommunityWorker)));

        var answer = await outsider.PostAsync($"/api/v1/community/{Home}/timebank/{bank.VolunteerRef}/statement", content: null);

        Assert.True(answer.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"got {(int)answer.StatusCode}");
    }

    private static Task<HttpResponseMessage> TransferAsync(HttpClient client, TimeBank giver, TimeBank receiver, string hours) =>
        client.PostAsJsonAsync($"/api/v1/community/{Home}/timebank/{giver.VolunteerRef}/transfers", new
        {
            hours,
            toCommunity = receiver.Organisation,
            toVolunteerRef = receiver.VolunteerRef,
            transferredOn = "2026-11-23",
        });
}
