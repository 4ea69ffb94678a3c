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
    /// <summary>A volunteer reference no other test uses, so each test owns its balance.</summary>
    public string VolunteerRef { get; } = "V-" + Guid.NewGuid().ToString("N")[..12];

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

    /// <summary>Credits the volunteer with service records adding up to <paramref name="hours"/>, at most 2.5 each.</summary>
    public async Task CreditAsync(HttpClient client, decimal hours)
    {
        for (var left = hours; left > 0; left -= Math.Min(left, 2.5m))
        {
            await Samples.SubmitAsync(client, Service(Math.Min(left, 2.5m)));
        }
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
