using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ledger.Core.Records.Types.CommunityCorrection;

namespace Ledger.Cli.Commands.Demo;

/// <summary>
/// Gets a case's evidence package as a court would receive it: waits until the records are confirmed on chain (a
/// package holds their proofs as they stand when it is made), asks for the package (202 and its Location), then
/// fetches it there once its own access-trail event is confirmed too (202 with Retry-After until then).
/// </summary>
public static class EvidenceDownload
{
    /// <summary>Waits until every record of <paramref name="recordHashes"/> reads confirmed (GET /api/v1/proofs/{hash}, public).</summary>
    /// <exception cref="TimeoutException">One is not confirmed within <paramref name="patience"/>.</exception>
    public static async Task WaitForConfirmedAsync(HttpClient client, IEnumerable<string> recordHashes, TimeSpan patience, CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow + patience;
        foreach (var hash in recordHashes)
        {
            while (true)
            {
                var status = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/proofs/{hash}", ct)).GetProperty("status").GetString();
                if (status is "confirmed" or "revoked" or "superseded")
                {
                    break;
                }
                await WaitAsync(deadline, TimeSpan.FromMilliseconds(500), $"record {hash} is still {status}", ct);
            }
        }
    }

    /// <summary>The package of days <paramref name="from"/> to <paramref name="to"/>, complete with its event's proof.</summary>
    /// <exception cref="HttpRequestException">The service refused the request (its problem is in the message).</exception>
    /// <exception cref="TimeoutException">The package was not ready within <paramref name="patience"/>.</exception>
    public static async Task<byte[]> FetchAsync(HttpClient client, string caseRef, DateOnly from, DateOnly to, string purpose, TimeSpan patience, CancellationToken ct) =>
        await FetchAsync(client, await AskAsync(client, caseRef, from, to, purpose, ct), purpose, patience, ct);

    /// <summary>Asks for the package of days <paramref name="from"/> to <paramref name="to"/>; returns where to fetch it.</summary>
    /// <exception cref="HttpRequestException">The service refused the request (its problem is in the message).</exception>
    public static async Task<Uri> AskAsync(HttpClient client, string caseRef, DateOnly from, DateOnly to, string purpose, CancellationToken ct)
    {
        using var ask = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/correction/cases/{Uri.EscapeDataString(caseRef)}/evidence")
        {
            Content = JsonContent.Create(new JsonObject { ["from"] = CorrectionCalendar.Format(from), ["to"] = CorrectionCalendar.Format(to) }),
        };
        ask.Headers.Add("X-Access-Purpose", purpose);
        using var accepted = await client.SendAsync(ask, ct);
        return accepted.StatusCode == HttpStatusCode.Accepted && accepted.Headers.Location is { } location
            ? location
            : throw new HttpRequestException($"asking for the evidence package: {(int)accepted.StatusCode} {await accepted.Content.ReadAsStringAsync(ct)}");
    }

    /// <summary>The package at <paramref name="location"/>, once it is ready (asking again after each Retry-After).</summary>
    /// <exception cref="HttpRequestException">The service refused the request (its problem is in the message).</exception>
    /// <exception cref="TimeoutException">The package was not ready within <paramref name="patience"/>.</exception>
    public static async Task<byte[]> FetchAsync(HttpClient client, Uri location, string purpose, TimeSpan patience, CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow + patience;
        while (true)
        {
            using var fetch = new HttpRequestMessage(HttpMethod.Get, location);
            fetch.Headers.Add("X-Access-Purpose", purpose);
            using var response = await client.SendAsync(fetch, ct);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return await response.Content.ReadAsByteArrayAsync(ct);
            }
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                throw new HttpRequestException($"fetching the evidence package: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
            }
            await WaitAsync(deadline, response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1), "the package's access-trail event is not confirmed yet", ct);
        }
    }

    private static async Task WaitAsync(DateTimeOffset deadline, TimeSpan pause, string what, CancellationToken ct)
    {
        if (DateTimeOffset.UtcNow + pause > deadline)
        {
            throw new TimeoutException($"gave up waiting: {what}.");
        }
        await Task.Delay(pause, ct);
    }
}
