using System.Text.RegularExpressions;
using Ledger.Api.Access;

namespace Ledger.Api.Tests.Records;

/// <summary>
/// A record the caller may not learn of (L3/L4 outside their entitlement) answers exactly as a record that does not
/// exist: same status, same headers, same bytes — whatever else the request carries.
/// </summary>
public sealed partial class HiddenRecordNotFoundTests(SharedLedger ledger) : IClassFixture<SharedLedger>
{
    private readonly LedgerApiFactory _factory = ledger.Factory;

    public static TheoryData<string, string?> Requests => new()
    {
        { "/api/v1/records/{0}", null },
        { "/api/v1/records/{0}", "case review 2026-3" },
        { "/api/v1/records/{0}", "%C3%28 not UTF-8" },
        { "/api/v1/records/{0}/access-trail", null },
        { "/api/v1/records/{0}/access-trail", "%0d%0a" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task AHiddenCheckInAnswersByteForByteLikeAMissingRecord(string path, string? purpose)
    {
        var hidden = (await Samples.SubmitAsync(_factory.ClientFor(Roles.CorrectionOfficer), Samples.CheckIn())).GetProperty("id").GetString()!;
        var missing = Guid.CreateVersion7().ToString();
        // A community worker of the same district works in another domain: the L4 check-in is not theirs to know of.
        var worker = _factory.ClientFor(Roles.CommunityWorker);

        var forHidden = await SnapshotAsync(worker, string.Format(path, hidden), purpose);
        var forMissing = await SnapshotAsync(worker, string.Format(path, missing), purpose);

        Assert.Equal(forMissing, forHidden);
    }

    // Status, every header but Date and the per-request X-Request-Id, and the body with its per-request trace id blanked.
    private static async Task<string> SnapshotAsync(HttpClient client, string path, string? purpose)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (purpose is not null)
        {
            request.Headers.TryAddWithoutValidation(AccessPurpose.HeaderName, purpose);
        }
        using var response = await client.SendAsync(request);
        var headers = response.Headers.Concat(response.Content.Headers)
            .Where(h => !h.Key.Equals("Date", StringComparison.OrdinalIgnoreCase) && !h.Key.Equals("X-Request-Id", StringComparison.OrdinalIgnoreCase))
            .OrderBy(h => h.Key, StringComparer.Ordinal)
            .Select(h => $"{h.Key}: {string.Join(", ", h.Value)}");
        var body = TraceId().Replace(await response.Content.ReadAsStringAsync(), "\"traceId\":\"…\"");
        return $"{(int)response.StatusCode}\n{string.Join("\n", headers)}\n\n{body}";
    }

    [GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial Regex TraceId();
}
