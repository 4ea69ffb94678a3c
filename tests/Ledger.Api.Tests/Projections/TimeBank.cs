using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ledger.Api.Protection;
using Ledger.Core.Canonical;
using Ledger.Core.Records.Types.SharedCommunity.TimeBank;
using Ledger.Data.Projections;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Api.Tests.Projections;

/// <summary>Time-bank submissions for one volunteer of a test's own, and that volunteer's balance as the projection holds it.</summary>
internal sealed class TimeBank(string organisation)
{
    /// <summary>The community whose time bank this is.</summary>
    public string Organisation => organisation;

    /// <summary>A volunteer reference no other test uses, so each test owns its balance; letters only, as a run of digits could look like a phone number.</summary>
    public string VolunteerRef { get; } = "V-" + string.Concat(Guid.NewGuid().ToString("N")[..16].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))));

    public JsonObject Service(decimal hours) => new()
    {
        ["domain"] = "shared-community",
        ["type"] = "volunteer-service",
        ["occurredAt"] = "2026-11-21T16:00:00+08:00",
        ["payload"] = new JsonObject
        {
            ["volunteerRef"] = VolunteerRef,
            ["activity"] = "Elderly meal delivery",
            ["hours"] = JsonCanonicalizer.Parse(hours.ToString(CultureInfo.InvariantCulture)),
            ["serviceDate"] = "2026-11-21",
        },
    };

    public JsonObject Redemption(string hours) => new()
    {
        ["domain"] = "shared-community",
        ["type"] = "hours-redemption",
        ["occurredAt"] = "2026-11-22T10:00:00+08:00",
        ["payload"] = new JsonObject
        {
            ["volunteerRef"] = VolunteerRef,
            ["hours"] = hours,
            ["service"] = "Home repair",
            ["redeemedOn"] = "2026-11-22",
        },
    };

    /// <summary>
    /// Credits the volunteer with service records adding up to <paramref name="hours"/>, at most 2.5 each, each recorded
    /// by <paramref name="client"/> and confirmed by <paramref name="confirmer"/> (hours count only once confirmed).
    /// </summary>
    public async Task CreditAsync(HttpClient client, HttpClient confirmer, decimal hours)
    {
        for (var left = hours; left > 0; left -= Math.Min(left, 2.5m))
        {
            var service = await Samples.SubmitAsync(client, Service(Math.Min(left, 2.5m)));
            var confirmed = await ConfirmAsync(confirmer, service.GetProperty("recordHash").GetString()!);
            Assert.True(confirmed.StatusCode == System.Net.HttpStatusCode.Created, await confirmed.Content.ReadAsStringAsync());
        }
    }

    /// <summary>Asks for the confirmation of a volunteer-service record.</summary>
    public static Task<HttpResponseMessage> ConfirmAsync(HttpClient confirmer, string serviceRecordHash) =>
        confirmer.PostAsync($"/api/v1/community/service/{serviceRecordHash}/confirmation", content: null);

    /// <summary>A client with a fresh community-worker key of <paramref name="organisation"/>: the second person who confirms.</summary>
    public static async Task<HttpClient> SecondWorkerAsync(LedgerApiFactory factory, string organisation)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", await factory.CreateKeyAsync(Ledger.Api.Access.Roles.CommunityWorker, organisation));
        return client;
    }

    /// <summary>The balance in the projection, read as the commit reads it.</summary>
    public async Task<decimal> BalanceAsync(LedgerApiFactory factory)
    {
        var digest = SubjectDigest(factory);
        return await factory.QueryAsync(db => TimebankBalance.BalanceAsync(new ProjectionStore(db), digest, CancellationToken.None));
    }

    /// <summary>The volunteer's subject digest, which keys the balance row.</summary>
    public string SubjectDigest(LedgerApiFactory factory) =>
        RecordSubjects.OfSubject(factory.Services.GetRequiredService<ProtectionKeys>(), organisation, "shared-community", VolunteerRef);

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, JsonObject submission) =>
        client.PostAsJsonAsync("/api/v1/records", submission);
}
