using System.Net.Http.Json;
using Ledger.Api.Access;
using Ledger.Api.Tests.Erasure;
using Ledger.Cli;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Tests.Projections;

/// <summary><c>ledger projections rebuild</c> on the running service's own data folder.</summary>
public sealed class ProjectionsRebuildTests(SharedLedger ledger) : IClassFixture<SharedLedger>
{
    private const string EmbeddedCommunity = "demo-community-committee";
    private readonly LedgerApiFactory _factory = ledger.Factory;

    [Fact]
    public async Task ARebuiltProjectionEqualsTheLiveOneEvenAfterItsRowsWereDamaged()
    {
        var client = _factory.ClientFor(Roles.CommunityWorker);
        var confirmer = await TimeBank.SecondWorkerAsync(_factory, EmbeddedCommunity);
        var (spender, saver, erased) = (new TimeBank(EmbeddedCommunity), new TimeBank(EmbeddedCommunity), new TimeBank(EmbeddedCommunity));
        await spender.CreditAsync(client, confirmer, 6m);
        await Samples.SubmitAsync(client, spender.Redemption("1.25"));
        await Samples.SubmitAsync(client, spender.Redemption("2.50"));
        await saver.CreditAsync(client, confirmer, 4.75m);
        var receiver = new TimeBank("demo-binjiang-community-committee");
        var transfer = await client.PostAsJsonAsync($"/api/v1/community/{EmbeddedCommunity}/timebank/{saver.VolunteerRef}/transfers",
            new { hours = "0.75", toCommunity = receiver.Organisation, toVolunteerRef = receiver.VolunteerRef, transferredOn = "2026-11-23" });
        Assert.Equal(System.Net.HttpStatusCode.OK, transfer.StatusCode);
        await erased.CreditAsync(client, confirmer, 3m);
        await Erase.SendAsync(client, "shared-community", erased.VolunteerRef);
        var live = await RowsAsync();
        await _factory.QueryAsync(db => db.Database.ExecuteSqlAsync($"UPDATE projections SET value = '{{\"hours\":\"999\"}}'"));

        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync(["projections", "rebuild", "--data-dir", _factory.DataDirectory], output, error);

        Assert.True(code == 0, error.ToString());
        Assert.Contains("replayed", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(live, await RowsAsync());
        Assert.Equal(2.25m, await spender.BalanceAsync(_factory));
        Assert.Equal(4m, await saver.BalanceAsync(_factory));
        Assert.Equal(0.75m, await receiver.BalanceAsync(_factory));
    }

    private Task<List<(string, string, string, string?)>> RowsAsync() => _factory.QueryAsync(async db =>
        (await db.Projections.AsNoTracking().OrderBy(p => p.Projection).ThenBy(p => p.Key).ToListAsync())
            .Select(p => (p.Projection, p.Key, p.Value, p.SubjectDigest)).ToList());
}
