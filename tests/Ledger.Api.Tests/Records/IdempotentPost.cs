using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ledger.Api.Records.Idempotency;

namespace Ledger.Api.Tests.Records;

/// <summary>Posts a submission with an Idempotency-Key, and reads what came back.</summary>
internal static class IdempotentPost
{
    public static async Task<(HttpResponseMessage Response, string Body)> SendAsync(HttpClient client, JsonObject submission, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/records") { Content = JsonContent.Create(submission) };
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation(IdempotencyKeyHeader.Name, key);
        }
        var response = await client.SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>True when the answer says it repeats an earlier request's.</summary>
    public static bool IsReplay(HttpResponseMessage response) =>
        response.Headers.TryGetValues(IdempotencyKeyHeader.ReplayedName, out var values) && values.Single() == "true";

    /// <summary>A key no other test uses.</summary>
    public static string NewKey() => "key-" + Guid.NewGuid().ToString("N");
}
