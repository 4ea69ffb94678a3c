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
            ["areaCode"] = "330106",
            ["officerRef"] = "OFF-17",
        },
    };

    /// <summary>A case-opened payload for <paramref name="caseRef"/>: a year of probation with daily check-ins in Xihu.</summary>
    public static JsonObject CasePayload(string caseRef) => new()
    {
        ["subjectRef"] = caseRef,
        ["correctionType"] = "probation",
        ["period"] = new JsonObject { ["start"] = "2026-11-01", ["end"] = "2027-10-31" },
        ["plan"] = new JsonObject { ["checkIn"] = "daily", ["permittedAreas"] = new JsonArray("330106") },
        ["minor"] = false,
        ["officerRef"] = "OFF-17",
    };

    /// <summary>
    /// Opens the case <paramref name="caseRef"/> in the client's jurisdiction unless it has one already: every
    /// community-correction record belongs to a case (fails the test on any other answer).
    /// </summary>
    public static async Task EnsureCaseAsync(HttpClient client, string caseRef)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/correction/cases") { Content = JsonContent.Create(new JsonObject { ["payload"] = CasePayload(caseRef) }) };
        // A key of its own, so that a client sending one Idempotency-Key for its records does not spend it here.
        request.Headers.Add("Idempotency-Key", $"case-{Guid.NewGuid():N}");
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is System.Net.HttpStatusCode.Created or System.Net.HttpStatusCode.Conflict,
            $"Expected the case to be opened (201) or to exist (409), got {(int)response.StatusCode}: {body}");
    }

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

    /// <summary>
    /// Posts a submission and returns the accepted body (fails the test on any other status). A community-correction
    /// record's case is opened first when the client's jurisdiction has none.
    /// </summary>
    public static async Task<JsonElement> SubmitAsync(HttpClient client, JsonObject submission)
    {
        if (submission["domain"]?.GetValue<string>() == "community-correction" && submission["type"]?.GetValue<string>() != "case-opened")
        {
            await EnsureCaseAsync(client, submission["payload"]!["subjectRef"]!.GetValue<string>());
        }
        var response = await client.PostAsJsonAsync("/api/v1/records", submission);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, $"Expected 202, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
