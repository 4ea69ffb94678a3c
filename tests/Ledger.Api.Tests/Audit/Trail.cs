using System.Net.Http.Json;
using System.Text.Json;

namespace Ledger.Api.Tests.Audit;

/// <summary>The access-trail endpoints, as an auditor calls them.</summary>
internal static class Trail
{
    public static Task<JsonElement> VerifyAsync(HttpClient auditor) =>
        auditor.GetFromJsonAsync<JsonElement>("/api/v1/access-trail/verification");

    /// <summary>Every entry an auditor of the home jurisdiction sees, oldest first.</summary>
    public static async Task<List<JsonElement>> AllAsync(HttpClient auditor)
    {
        var entries = new List<JsonElement>();
        long? after = 0;
        while (after is not null)
        {
            var page = await auditor.GetFromJsonAsync<JsonElement>($"/api/v1/access-trail?after={after}&limit=500");
            entries.AddRange(page.GetProperty("entries").EnumerateArray());
            after = page.GetProperty("next").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next").GetInt64();
        }
        return entries;
    }

    public static IEnumerable<string> Problems(JsonElement verification) =>
        verification.GetProperty("problems").EnumerateArray().Select(p => p.GetString()!);
}
