using System.Net;
using System.Text.Json;

namespace Ledger.Api.Tests.Protection;

/// <summary>GET /api/v1/records/{id}, optionally with a stated purpose.</summary>
internal static class ReadRecord
{
    public const string Purpose = "quarterly case review";

    public static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpClient client, string id, string? purpose = Purpose)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/records/{id}");
        if (purpose is not null)
        {
            request.Headers.Add("X-Access-Purpose", purpose);
        }
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Reads the record and fails the test unless the answer is 200.</summary>
    public static async Task<JsonElement> OkAsync(HttpClient client, string id, string? purpose = Purpose)
    {
        var (status, body) = await SendAsync(client, id, purpose);
        Assert.True(status == HttpStatusCode.OK, $"GET record {id}: expected 200, got {(int)status}: {body}");
        return body;
    }
}
