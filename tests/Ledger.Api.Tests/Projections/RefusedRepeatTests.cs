using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ledger.Api.Access;

namespace Ledger.Api.Tests.Projections;

/// <summary>
/// A record a stateful rule refuses claims no Idempotency-Key: repeats of it with the same key, even in the same
/// commit group, are judged by the rule again and refused the same way, never sent to look for an answer that was
/// never stored (which used to end in a 500).
/// </summary>
public sealed class RefusedRepeatTests(SharedLedger ledger) : IClassFixture<SharedLedger>
{
    private const string EmbeddedCommunity = "demo-community-committee";
    private readonly LedgerApiFactory _factory = ledger.Factory;

    [Fact]
    public async Task TwentyRepeatsOfARefusedRedemptionWithOneKeyAreAllRefusedByTheRule()
    {
        var bank = new TimeBank(EmbeddedCommunity);
        var redemption = bank.Redemption("1.00");
        var key = Guid.NewGuid().ToString();

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            var client = _factory.ClientFor(Roles.CommunityWorker);
            client.DefaultRequestHeaders.Add("Idempotency-Key", key);
            using var response = await client.PostAsJsonAsync("/api/v1/records", redemption);
            return (response.StatusCode, Body: JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
        }));

        Assert.All(answers, a =>
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, a.StatusCode);
            Assert.Equal("balance-not-negative", a.Body.GetProperty("rule").GetString());
        });
        Assert.Equal(0m, await bank.BalanceAsync(_factory));
    }
}
