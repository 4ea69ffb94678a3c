using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ledger.Api.Tests.Correction;

/// <summary>Community-correction submissions for tests: a case and each kind of record about it, and helpers to send them.</summary>
public static class CaseRecords
{
    /// <summary>China Standard Time, as correction days are kept.</summary>
    public static readonly TimeSpan Cst = TimeSpan.FromHours(8);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An instant on <paramref name="day"/> at <paramref name="hour"/> o'clock, China Standard Time, in RFC 3339.</summary>
    public static string At(DateOnly day, int hour = 9) =>
        new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), Cst).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>The body of POST /api/v1/correction/cases.</summary>
    public static JsonObject Case(string caseRef, DateOnly start, DateOnly end, JsonObject? plan = null, bool minor = false) => new()
    {
        ["occurredAt"] = At(start, 8),
        ["payload"] = new JsonObject
        {
            ["subjectRef"] = caseRef,
            ["correctionType"] = "probation",
            ["period"] = new JsonObject { ["start"] = Day(start), ["end"] = Day(end) },
            ["plan"] = plan ?? DailyPlan(),
            ["minor"] = minor,
            ["officerRef"] = "XH-SFS-031",
        },
    };

    public static JsonObject DailyPlan(params string[] areas) => new()
    {
        ["checkIn"] = "daily",
        ["permittedAreas"] = new JsonArray([.. (areas.Length == 0 ? ["330106"] : areas).Select(a => (JsonNode)a)]),
    };

    public static JsonObject Submission(string type, string occurredAt, JsonObject payload) => new()
    {
        ["domain"] = "community-correction",
        ["type"] = type,
        ["occurredAt"] = occurredAt,
        ["payload"] = payload,
    };

    public static JsonObject CheckIn(string caseRef, DateOnly day, string area = "330106", string method = "app-face", int hour = 9) =>
        Submission("check-in", At(day, hour), new JsonObject
        {
            ["subjectRef"] = caseRef, ["method"] = method, ["outcome"] = "on-time", ["areaCode"] = area, ["officerRef"] = "XH-SFS-031",
        });

    public static JsonObject Leave(string caseRef, DateOnly from, DateOnly to, string destination, string level, DateOnly approvedOn) =>
        Submission("leave-approval", At(approvedOn, 15), new JsonObject
        {
            ["subjectRef"] = caseRef, ["from"] = Day(from), ["to"] = Day(to), ["destinationArea"] = destination,
            ["approvalLevel"] = level, ["approverRef"] = level == "office" ? "XH-SFS-031" : "XH-SFJ-002", ["reason"] = "family matters",
        });

    public static JsonObject Positioning(string caseRef, DateOnly start, DateOnly end, DateOnly approvedOn) =>
        Submission("positioning-approval", At(approvedOn, 16), new JsonObject
        {
            ["subjectRef"] = caseRef, ["reason"] = "refused-to-report-after-warning", ["start"] = Day(start), ["end"] = Day(end), ["approverRef"] = "XH-SFJ-002",
        });

    public static JsonObject Report(string caseRef, DateOnly day) =>
        Submission("report", At(day, 10), new JsonObject { ["subjectRef"] = caseRef, ["channel"] = "in-person", ["officerRef"] = "XH-SFS-031" });

    public static JsonObject Visit(string caseRef, DateOnly day) =>
        Submission("visit", At(day, 14), new JsonObject { ["subjectRef"] = caseRef, ["place"] = "home", ["areaCode"] = "330106", ["officerRef"] = "XH-SFS-031" });

    public static JsonObject Closing(string caseRef, DateOnly day) =>
        Submission("case-closed", At(day, 17), new JsonObject { ["subjectRef"] = caseRef, ["closedOn"] = Day(day), ["reason"] = "period-completed" });

    /// <summary>Opens a case and returns the answer (fails the test unless 201).</summary>
    public static async Task<JsonElement> OpenAsync(HttpClient client, JsonObject body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/correction/cases", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"Expected 201, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Submits a record and returns the accepted body (fails the test unless 202).</summary>
    public static async Task<JsonElement> SubmitAsync(HttpClient client, JsonObject submission)
    {
        var response = await client.PostAsJsonAsync("/api/v1/records", submission);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, $"Expected 202, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Revokes the record <paramref name="recordHash"/> and returns the answer (fails the test unless 201).</summary>
    public static async Task<JsonElement> RevokeAsync(HttpClient client, string recordHash, string reasonCode = "issued-in-error")
    {
        var response = await client.PostAsJsonAsync($"/api/v1/records/{recordHash}/revocation", new JsonObject { ["reasonCode"] = reasonCode });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"Expected 201, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>GET with a stated purpose.</summary>
    public static Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string purpose = "supervision review")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Access-Purpose", purpose);
        return client.SendAsync(request);
    }

    /// <summary>GET with a stated purpose, expecting 200, as JSON.</summary>
    public static async Task<JsonElement> ReadAsync(HttpClient client, string path)
    {
        using var response = await GetAsync(client, path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A case reference no other test uses.</summary>
    public static string FreshRef(string prefix = "SQJZ") => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
}
