using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ledger.Api.Tests;

/// <summary>Valid submissions for each domain, and a helper to post them.</summary>
public static class Samples
{
    public static JsonObject Inspection(string lot = "L-2026-1122-01") => new()
    {
        ["domain"] = "food-safety",
        ["type"] = "inspection",
        ["occurredAt"] = "2026-11-20T09:30:00+08:00",
        ["payload"] = new JsonObject
        {
            ["enterprise"] = new JsonObject { ["name"] = "Green Valley Vegetables Co." },
            ["product"] = "Spinach",
            ["lot"] = lot,
            ["inspectionKind"] = "rapid-test",
            ["result"] = "pass",
        },
    };

    public static JsonObject CheckIn() => new()
    {
        ["domain"] = "community-correction",
        ["type"] = "check-in",
        ["occurredAt"] = "2026-11-21T08:00:00Z",
        ["payload"] = new JsonObject
        {
            ["subjectRef"] = "CC-2026-0042",
            ["method"] = "in-person",
            ["outcome"] = "on-time",
            ["officerRef"] = "OFF-17",
        },
    };

    public static JsonObject VolunteerService() => new()
    {
        ["domain"] = "shared-community",
        ["type"] = "volunteer-service",
        ["occurredAt"] = "2026-11-21T16:00:00+08:00",
        ["payload"] = new JsonObject
        {
            ["volunteerRef"] = "V-318",
            ["activity"] = "Elderly meal delivery",
            ["hours"] = 2.5,
            ["serviceDate"] = "2026-11-21",
        },
    };

    /// <summary>Posts a submission and returns the accepted body (fails the test on any other status).</summary>
    public static async Task<JsonElement> SubmitAsync(HttpClient client, JsonObject submission)
    {
        var response = await client.PostAsJsonAsync("/api/v1/records", submission);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, $"Expected 202, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
