using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ledger.Api.Tests.Erasure;

/// <summary>POST /api/v1/erasures.</summary>
internal static class Erase
{
    public static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(
        HttpClient client, string domain, string subjectRef, string legalBasis = "pipl-47-deletion-request", string? note = "request 2026-117")
    {
        var body = new JsonObject { ["domain"] = domain, ["subjectRef"] = subjectRef, ["legalBasis"] = legalBasis };
        if (note is not null)
        {
            body["note"] = note;
        }
        using var response = await client.PostAsJsonAsync("/api/v1/erasures", body);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }
}
