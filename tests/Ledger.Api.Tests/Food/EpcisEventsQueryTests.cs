using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ledger.Api.Access;

namespace Ledger.Api.Tests.Food;

/// <summary>GET /epcis/events and /epcis/events/{id}: filters in either identifier spelling, paging, and who sees what.</summary>
public sealed class EpcisEventsQueryTests(SharedLedger ledger) : IClassFixture<SharedLedger>
{
    private readonly LedgerApiFactory _factory = ledger.Factory;

    [Fact]
    public async Task AnEventCapturedAsAUrnIsFoundByItsDigitalLinkAndByItsClass()
    {
        var serial = $"77{Random.Shared.Next(100000, 999999)}";
        await EpcisCapturing.CaptureAsync(_factory.ClientFor(Roles.FoodEnterprise),
            EpcisCapturing.ObjectEvent("shipping", "urn:epc:id:sgln:0614141.07346.1234", "2024-05-01T08:00:00+08:00", $"urn:epc:id:sgtin:0614141.107346.{serial}"));
        var client = _factory.ClientFor(Roles.FoodEnterprise);

        var byLink = await EventsAsync(client, $"/epcis/events?MATCH_epc=https://id.gs1.org/01/10614141073464/21/{serial}");
        var byPattern = await EventsAsync(client, $"/epcis/events?MATCH_anyEPC=urn:epc:idpat:sgtin:0614141.107346.*&EQ_bizStep=shipping&perPage=500");

        Assert.Single(byLink);
        Assert.Contains(byPattern, e => e.GetProperty("epcList")[0].GetString()!.EndsWith(serial, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PagesFollowTheNextPageTokenWithoutRepeatingOrSkipping()
    {
        var lot = $"P{Random.Shared.Next(100000, 999999)}";
        var client = _factory.ClientFor(Roles.FoodEnterprise);
        for (var i = 0; i < 5; i++)
        {
            await EpcisCapturing.CaptureAsync(client,
                EpcisCapturing.ObjectEvent("receiving", "urn:epc:id:sgln:0614141.07346.1234", $"2024-05-0{i + 1}T08:00:00+08:00", $"urn:epc:id:sgtin:0614141.107346.{lot}{i}"));
        }
        var seen = new List<string>();
        var url = $"/epcis/events?MATCH_epc=urn:epc:idpat:sgtin:0614141.107346.*&EQ_bizStep=receiving&perPage=2";
        var pages = 0;
        while (url is not null && pages++ < 100)
        {
            var response = await client.GetAsync(url);
            var document = await response.Content.ReadFromJsonAsync<JsonElement>();
            seen.AddRange(Events(document).Select(e => e.GetProperty("epcList")[0].GetString()!));
            url = response.Headers.TryGetValues("Link", out var link) ? link.Single().Split('>')[0].TrimStart('<') : null;
        }

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(5, seen.Count(s => s.Contains(lot, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AnEventIsFoundByItsHashIdAndAnotherEnterpriseCannotSeeIt()
    {
        var job = await EpcisCapturing.CaptureAsync(_factory.ClientFor(Roles.FoodEnterprise),
            EpcisCapturing.ObjectEvent("shipping", "urn:epc:id:sgln:0614141.07346.1234", "2024-05-01T10:00:00+08:00", $"urn:epc:id:sgtin:0614141.107346.9{Random.Shared.Next(100000, 999999)}"));
        var hashId = Uri.EscapeDataString(job.GetProperty("events")[0].GetProperty("eventHashId").GetString()!);
        var otherEnterprise = _factory.CreateClient();
        otherEnterprise.DefaultRequestHeaders.Add("X-Api-Key", await _factory.CreateKeyAsync(Roles.FoodEnterprise, "demo-binjiang-food-enterprise"));

        var found = await _factory.ClientFor(Roles.FoodEnterprise).GetAsync($"/epcis/events/{hashId}");
        var hidden = await otherEnterprise.GetAsync($"/epcis/events/{hashId}");

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Single(Events(await found.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    [Fact]
    public async Task AnUnknownEventTypeIsABadRequestNamingTheParameter()
    {
        var response = await _factory.ClientFor(Roles.FoodEnterprise).GetAsync("/epcis/events?eventType=Banana");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("eventType", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<List<JsonElement>> EventsAsync(HttpClient client, string url) =>
        Events(await client.GetFromJsonAsync<JsonElement>(url));

    private static List<JsonElement> Events(JsonElement document) =>
        [.. document.GetProperty("epcisBody").GetProperty("queryResults").GetProperty("resultsBody").GetProperty("eventList").EnumerateArray()];
}
