using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Ledger.Api.Tests.Food;

/// <summary>Posts EPCIS documents and follows their capture jobs to the end.</summary>
internal static class EpcisCapturing
{
    /// <summary>Posts <paramref name="document"/>; returns the 202's job once it is no longer running.</summary>
    public static async Task<JsonElement> CaptureAsync(HttpClient client, string document, int waitSeconds = 60)
    {
        using var content = new StringContent(document, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/ld+json");
        var response = await client.PostAsync("/epcis/capture", content);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("/epcis/capture/", location, StringComparison.Ordinal);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(waitSeconds);
        while (DateTime.UtcNow < deadline)
        {
            var job = await client.GetFromJsonAsync<JsonElement>(location);
            if (job.GetProperty("status").GetString() != "running")
            {
                return job;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"Capture job {location} still running after {waitSeconds} s.");
    }

    /// <summary>A one-event document: an ObjectEvent observing <paramref name="epcs"/> at <paramref name="place"/>.</summary>
    public static string ObjectEvent(string bizStep, string place, string eventTime, params string[] epcs) => $$"""
        {
          "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
          "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2024-05-01T08:00:00Z",
          "epcisBody": { "eventList": [
            { "type": "ObjectEvent", "eventTime": "{{eventTime}}", "eventTimeZoneOffset": "+08:00", "action": "OBSERVE",
              "bizStep": "{{bizStep}}", "epcList": [{{string.Join(", ", epcs.Select(e => $"\"{e}\""))}}],
              "bizLocation": { "id": "{{place}}" } }
          ] }
        }
        """;

    /// <summary>Submits an unqualified rapid test (destroyed) of <paramref name="lot"/>, naming it as its GS1 lot; returns its record hash.</summary>
    public static async Task<string> SubmitFailedRapidTestAsync(HttpClient client, string lot)
    {
        var response = await client.PostAsJsonAsync("/api/v1/records", new
        {
            domain = "food-safety",
            type = "rapid-test",
            occurredAt = "2024-05-03T09:00:00+08:00",
            payload = new
            {
                market = new { name = "龙华农贸市场" },
                stall = new { id = "LH-A017", name = "王记蔬菜" },
                product = "小白菜",
                lot = lot[^7..],
                lotEpc = lot,
                testItem = "有机磷和氨基甲酸酯类农药残留",
                method = "GB/T 5009.199 酶抑制率法",
                reading = "62.5",
                unit = "%",
                limit = "< 50",
                result = "unqualified",
                disposal = "destroyed",
                tester = "LH-QC-02",
            },
        });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recordHash").GetString()!;
    }

    /// <summary>Submits an inspection of the lot named by GS1 identifier <paramref name="lotEpc"/> (either spelling) with one item; returns its record hash.</summary>
    public static async Task<string> SubmitInspectionAsync(HttpClient client, string lotEpc, string result)
    {
        var response = await client.PostAsJsonAsync("/api/v1/records", new
        {
            domain = "food-safety",
            type = "inspection",
            occurredAt = "2024-05-03T10:00:00+08:00",
            payload = new
            {
                enterprise = new { name = "龙华食品加工厂" },
                product = "腌制小白菜",
                lot = lotEpc[^7..],
                lotEpc,
                inspectionKind = "sampling",
                result,
                items = new[] { new { name = "亚硝酸盐", value = result == "fail" ? "38" : "4", unit = "mg/kg", limit = "≤ 20", result } },
            },
        });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recordHash").GetString()!;
    }
}
