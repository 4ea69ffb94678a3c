using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ledger.Api.Access;
using Ledger.Api.Protection;
using Ledger.Api.Tests.Projections;
using Ledger.Data.Projections;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Api.Tests.Community;

/// <summary>Revoking a time-bank or fund entry that counts reverses it in the revocation's commit, and never takes a balance below zero.</summary>
public sealed class RevokedEntriesTests(SharedLedger ledger) : IClassFixture<SharedLedger>
{
    private const string Home = "demo-community-committee";
    private const string Neighbour = "demo-binjiang-community-committee";
    private readonly LedgerApiFactory _factory = ledger.Factory;

    [Fact]
    public async Task RevokingAConfirmedServiceRecordTakesItsHoursOffTheBalance()
    {
        var worker = _factory.ClientFor(Roles.CommunityWorker);
        var bank = new TimeBank(Home);
        var service = await ConfirmedServiceAsync(worker, bank, 2.5m);

        var answer = await RevokeAsync(worker, service);

        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        Assert.Equal(0m, await bank.BalanceAsync(_factory));
    }

    [Fact]
    public async Task RevokingAPendingServiceRecordTakesItsHoursOffThePendingHours()
    {
        var worker = _factory.ClientFor(Roles.CommunityWorker);
        var bank = new TimeBank(Home);
        var service = (await Samples.SubmitAsync(worker, bank.Service(1.5m))).GetProperty("recordHash").GetString()!;

        Assert.Equal(HttpStatusCode.Created, (await RevokeAsync(worker, service)).StatusCode);

        var account = await worker.GetFromJsonAsync<JsonElement>($"/api/v1/community/{Home}/timebank/{bank.VolunteerRef}");
        Assert.Equal("0", account.GetProperty("pendingHours").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await TimeBank.ConfirmAsync(await TimeBank.SecondWorkerAsync(_factory, Home), service)).StatusCode);
    }

    [Fact]
    public async Task RevokingHoursAlreadySpentIsRefusedWithTheBalanceAndChangesNothing()
    {
        var worker = _factory.ClientFor(Roles.CommunityWorker);
        var bank = new TimeBank(Home);
        var service = await ConfirmedServiceAsync(worker, bank, 2m);
        await Samples.SubmitAsync(worker, bank.Redemption("1.50"));
        var revocationsBefore = await _factory.QueryAsync(db => db.Revocations.CountAsync());

        var answer = await RevokeAsync(worker, service);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.StatusCode);
        var problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("balance-not-negative", problem.GetProperty("rule").GetString());
        Assert.Contains("the balance is 0.5 hours", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0.5m, await bank.BalanceAsync(_factory));
        Assert.Equal(revocationsBefore, await _factory.QueryAsync(db => db.Revocations.CountAsync()));
    }

    [Fact]
    public async Task RevokingARedemptionGivesTheHoursBack()
    {
        var worker = _factory.ClientFor(Roles.CommunityWorker);
        var bank = new TimeBank(Home);
        await ConfirmedServiceAsync(worker, bank, 2m);
        var redemption = (await Samples.SubmitAsync(worker, bank.Redemption("0.75"))).GetProperty("recordHash").GetString()!;

        Assert.Equal(HttpStatusCode.Created, (await RevokeAsync(worker, redemption)).StatusCode);

        Assert.Equal(2m, await bank.BalanceAsync(_factory));
    }

    [Fact]
    public async Task RevokingATransferUndoesBothHalvesAndIsRefusedOnceTheReceiverSpentTheHours()
    {
        var worker = _factory.ClientFor(Roles.CommunityWorker);
        var giver = new TimeBank(Home);
        var receiver = new TimeBank(Neighbour);
        await ConfirmedServiceAsync(worker, giver, 2m);
        var first = await TransferAsync(worker, giver, receiver, "1.25");
        var second = await TransferAsync(worker, giver, receiver, "0.50");
        var neighbourWorker = _factory.CreateClient();
        neighbourWorker.DefaultRequestHeaders.Add("X-Api-Key", _factory.KeyFor(EmbeddedKeys.NeighbourKeyName(Roles.CommunityWorker)));
        await Samples.SubmitAsync(neighbourWorker, receiver.Redemption("1.00"));

        Assert.Equal(HttpStatusCode.Created, (await RevokeAsync(worker, second)).StatusCode);
        Assert.Equal(0.75m, await giver.BalanceAsync(_factory));
        Assert.Equal(0.25m, await receiver.BalanceAsync(_factory));

        var refused = await RevokeAsync(worker, first);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("the balance is 0.25 hours", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0.75m, await giver.BalanceAsync(_factory));
    }

    [Fact]
    public async Task AConfirmationIsNotRevokedOnItsOwnButWithItsServiceRecord()
    {
        var worker = _factory.ClientFor(Roles.CommunityWorker);
        var bank = new TimeBank(Home);
        var service = (await Samples.SubmitAsync(worker, bank.Service(1m))).GetProperty("recordHash").GetString()!;
        var confirmation = await (await TimeBank.ConfirmAsync(await TimeBank.SecondWorkerAsync(_factory, Home), service)).Content.ReadFromJsonAsync<JsonElement>();

        var answer = await RevokeAsync(worker, confirmation.GetProperty("recordHash").GetString()!);

        Assert.Equal(HttpStatusCode.Conflict, answer.StatusCode);
        Assert.Equal("revoke-the-entry", (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString());
        Assert.Equal(1m, await bank.BalanceAsync(_factory));
    }

    [Fact]
    public async Task RevokingIncomeAlreadySpentIsRefusedWithTheFundBalance()
    {
        var community = await TestCommunity.CreateAsync(_factory);
        var income = (await Samples.SubmitAsync(community.Recorder, TestCommunity.Income("300.00", DateTimeOffset.UtcNow))).GetProperty("recordHash").GetString()!;
        await Samples.SubmitAsync(community.Recorder, TestCommunity.Income("100.00", DateTimeOffset.UtcNow));
        Assert.Equal(HttpStatusCode.Created, (await community.ExpenseAsync("350.00")).StatusCode);

        var refused = await RevokeAsync(community.Recorder, income);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("fund-not-negative", problem.GetProperty("rule").GetString());
        Assert.Contains("the balance is 50 yuan", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(50m, await community.BalanceAsync(_factory));
    }

    [Fact]
    public async Task RevokingCountedIncomeAndExpensesMovesTheBalanceAndTheMonthShowsEachReversal()
    {
        var community = await TestCommunity.CreateAsync(_factory);
        var income = (await Samples.SubmitAsync(community.Recorder, TestCommunity.Income("500.00", DateTimeOffset.UtcNow))).GetProperty("recordHash").GetString()!;
        await Samples.SubmitAsync(community.Recorder, TestCommunity.Income("1000.00", DateTimeOffset.UtcNow));
        var expense = (await (await community.ExpenseAsync("200.00")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recordHash").GetString()!;

        var expenseRevocation = await (await RevokeAsync(community.Recorder, expense)).Content.ReadFromJsonAsync<JsonElement>();
        var incomeRevocation = await (await RevokeAsync(community.Recorder, income)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(1000m, await community.BalanceAsync(_factory));
        var month = await _factory.CreateClient().GetFromJsonAsync<JsonElement>(
            $"/api/v1/community/{community.Id}/fund/statements/{Api.Community.FundLedger.MonthOf(DateTimeOffset.UtcNow)}");
        Assert.Equal("1000", month.GetProperty("closingBalance").GetString());
        var reversals = month.GetProperty("entries").EnumerateArray().Where(e => e.GetProperty("category").GetString() == "revocation").ToList();
        Assert.Equal([expenseRevocation.GetProperty("recordHash").GetString(), incomeRevocation.GetProperty("recordHash").GetString()],
            reversals.Select(e => e.GetProperty("recordHash").GetString()));
        Assert.Equal([expense, income], reversals.Select(e => e.GetProperty("reverses").GetString()));
        Assert.Equal(["income", "expense"], reversals.Select(e => e.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task ARevokedLargeExpenseCannotBeApprovedAfterwards()
    {
        var community = await TestCommunity.CreateAsync(_factory);
        await Samples.SubmitAsync(community.Recorder, TestCommunity.Income("5000.00", DateTimeOffset.UtcNow));
        var expense = (await (await community.ExpenseAsync("1500.00")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recordHash").GetString()!;
        Assert.Equal(HttpStatusCode.Created, (await TestCommunity.ApproveAsync(community.FirstApprover, expense)).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await RevokeAsync(community.Recorder, expense)).StatusCode);
        var late = await TestCommunity.ApproveAsync(community.SecondApprover, expense);

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(5000m, await community.BalanceAsync(_factory));
    }

    [Fact]
    public async Task UnderConcurrentRedemptionsARevocationEitherFitsOrIsRefusedAndTheBalanceNeverGoesNegative()
    {
        var worker = _factory.ClientFor(Roles.CommunityWorker);
        var bank = new TimeBank(Home);
        var service = await ConfirmedServiceAsync(worker, bank, 2.5m);
        await ConfirmedServiceAsync(worker, bank, 2.5m);

        var revocation = RevokeAsync(worker, service);
        var redemptions = Enumerable.Range(0, 20).Select(_ => TimeBank.PostAsync(worker, bank.Redemption("0.50"))).ToList();
        var answers = await Task.WhenAll(redemptions.Append(revocation));

        var redeemed = answers[..^1].Count(a => a.StatusCode == HttpStatusCode.Accepted);
        Assert.All(answers[..^1], a => Assert.True(a.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.UnprocessableEntity, $"got {(int)a.StatusCode}"));
        var revoked = answers[^1].StatusCode == HttpStatusCode.Created;
        Assert.True(revoked || answers[^1].StatusCode == HttpStatusCode.UnprocessableEntity, $"got {(int)answers[^1].StatusCode}");
        var balance = await bank.BalanceAsync(_factory);
        Assert.Equal(5m - 0.5m * redeemed - (revoked ? 2.5m : 0m), balance);
        Assert.True(balance >= 0m);
    }

    [Fact]
    public async Task AConfirmationRacingTheRevocationOfItsServiceRecordNeverLeavesHoursCounting()
    {
        // Confirmation and revocation sent together, for ten service records: whichever commits first, the revoked
        // hours never count (a confirmation that lost the race is refused in the commit with rule "revoked").
        var worker = _factory.ClientFor(Roles.CommunityWorker);
        var confirmer = await TimeBank.SecondWorkerAsync(_factory, Home);
        var bank = new TimeBank(Home);
        var services = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            services.Add((await Samples.SubmitAsync(worker, bank.Service(1m))).GetProperty("recordHash").GetString()!);
        }

        var answers = await Task.WhenAll(services.Select(async service =>
        {
            var confirming = TimeBank.ConfirmAsync(confirmer, service);
            var revoking = RevokeAsync(worker, service);
            return (Confirmed: await confirming, Revoked: await revoking);
        }));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.Revoked.StatusCode));
        foreach (var refused in answers.Where(a => a.Confirmed.StatusCode != HttpStatusCode.Created))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.Confirmed.StatusCode);
            Assert.Equal("revoked", (await refused.Confirmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString());
        }
        Assert.Equal(0m, await bank.BalanceAsync(_factory));
        var account = await worker.GetFromJsonAsync<JsonElement>($"/api/v1/community/{Home}/timebank/{bank.VolunteerRef}");
        Assert.Equal("0", account.GetProperty("pendingHours").GetString());
        Assert.Equal("0", account.GetProperty("confirmedHours").GetString());
        Assert.All(account.GetProperty("entries").EnumerateArray().Where(e => e.GetProperty("type").GetString() == "volunteer-service"),
            e => Assert.Equal("revoked", e.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task ARebuildReplaysRevocationsToTheSameRows()
    {
        var worker = _factory.ClientFor(Roles.CommunityWorker);
        var bank = new TimeBank(Home);
        var receiver = new TimeBank(Neighbour);
        var service = await ConfirmedServiceAsync(worker, bank, 2.5m);
        await ConfirmedServiceAsync(worker, bank, 2m);
        var transfer = await TransferAsync(worker, bank, receiver, "1.00");
        Assert.Equal(HttpStatusCode.Created, (await RevokeAsync(worker, transfer)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await RevokeAsync(worker, service)).StatusCode);
        var community = await TestCommunity.CreateAsync(_factory);
        var income = (await Samples.SubmitAsync(community.Recorder, TestCommunity.Income("80.00", DateTimeOffset.UtcNow))).GetProperty("recordHash").GetString()!;
        Assert.Equal(HttpStatusCode.Created, (await RevokeAsync(community.Recorder, income)).StatusCode);
        var before = await RowsAsync();

        await _factory.QueryAsync(db => new ProjectionRebuild(db, _factory.Services.GetRequiredService<ProtectionKeys>().Master).RunAsync(CancellationToken.None));

        Assert.Equal(before, await RowsAsync());
        Assert.Equal(2m, await bank.BalanceAsync(_factory));
        Assert.Equal(0m, await receiver.BalanceAsync(_factory));
        Assert.Equal(0m, await community.BalanceAsync(_factory));
    }

    private Task<List<string>> RowsAsync() =>
        _factory.QueryAsync(db => db.Projections.AsNoTracking().OrderBy(p => p.Projection).ThenBy(p => p.Key)
            .Select(p => p.Projection + "|" + p.Key + "|" + p.Value).ToListAsync());

    private async Task<string> ConfirmedServiceAsync(HttpClient worker, TimeBank bank, decimal hours)
    {
        var service = (await Samples.SubmitAsync(worker, bank.Service(hours))).GetProperty("recordHash").GetString()!;
        Assert.Equal(HttpStatusCode.Created, (await TimeBank.ConfirmAsync(await TimeBank.SecondWorkerAsync(_factory, Home), service)).StatusCode);
        return service;
    }

    private static async Task<string> TransferAsync(HttpClient client, TimeBank giver, TimeBank receiver, string hours)
    {
        var answer = await client.PostAsJsonAsync($"/api/v1/community/{Home}/timebank/{giver.VolunteerRef}/transfers", new
        {
            hours,
            toCommunity = receiver.Organisation,
            toVolunteerRef = receiver.VolunteerRef,
            transferredOn = "2026-11-23",
        });
        Assert.True(answer.IsSuccessStatusCode, await answer.Content.ReadAsStringAsync());
        return (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("transferRecord").GetString()!;
    }

    private static Task<HttpResponseMessage> RevokeAsync(HttpClient client, string recordHash) =>
        client.PostAsJsonAsync($"/api/v1/records/{recordHash}/revocation", new { reasonCode = "issued-in-error" });
}
