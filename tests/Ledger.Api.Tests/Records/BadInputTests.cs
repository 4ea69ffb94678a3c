using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Ledger.Api.Access;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Tests.Records;

public sealed class BadInputTests(SharedLedger ledger) : IClassFixture<SharedLedger>
{
    private readonly LedgerApiFactory _factory = ledger.Factory;
    private int _countBefore;

    private static string Valid(Func<string, string>? change = null)
    {
        // Relaxed escaping keeps "+" as is, so the replacements below find their text.
        var json = Samples.Inspection().ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        return change is null ? json : change(json);
    }

    public static TheoryData<string, string, int> BadBodies => new()
    {
        { "malformed JSON", "{\"domain\": ", 400 },
        { "not an object", "[1, 2, 3]", 400 },
        { "unknown domain", Valid(j => j.Replace("\"food-safety\"", "\"space-travel\"")), 400 },
        { "unknown type", Valid(j => j.Replace("\"inspection\"", "\"horoscope\"")), 400 },
        { "missing payload", "{\"domain\":\"food-safety\",\"type\":\"inspection\",\"occurredAt\":\"2026-11-20T09:30:00Z\"}", 400 },
        { "missing occurredAt", Valid(j => j.Replace("\"occurredAt\":\"2026-11-20T09:30:00+08:00\",", "")), 400 },
        { "occurredAt without offset", Valid(j => j.Replace("2026-11-20T09:30:00+08:00", "2026-11-20T09:30:00")), 400 },
        { "occurredAt in the future", Valid(j => j.Replace("2026-11-20T09:30:00+08:00", "2999-01-01T00:00:00Z")), 400 },
        { "payload field of the wrong kind", Valid(j => j.Replace("\"pass\"", "\"maybe\"")), 400 },
        { "unknown top-level field", Valid(j => j.Replace("{\"domain\"", "{\"extra\":1,\"domain\"")), 400 },
        { "duplicate property names", Valid(j => j.Replace("{\"domain\"", "{\"domain\":\"x\",\"domain\"")), 400 },
        { "number JCS cannot represent exactly", Valid(j => j.Replace("\"lot\":", "\"count\":9007199254740993,\"lot\":")), 400 },
        { "domain of the wrong type", Valid(j => j.Replace("\"food-safety\"", "42")), 400 },
        { "deeply nested payload", Valid(j => j.Replace("\"product\":\"Spinach\"", "\"product\":" + new string('[', 100) + new string(']', 100))), 400 },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task ABadSubmissionGetsAProblemAndStoresNothing(string because, string body, int status)
    {
        var response = await PostRawAsync(Encoding.UTF8.GetBytes(body), "application/json", _factory.KeyFor(Roles.Inspector));

        await AssertProblemAsync(response, status, because);
    }

    [Fact]
    public async Task ABodyThatIsNotValidUtf8IsRefused()
    {
        var bytes = Encoding.UTF8.GetBytes(Valid(j => j.Replace("Spinach", "Spin\u00e9ch"))).ToList();
        var at = bytes.IndexOf(0xC3);
        bytes[at] = 0xFF; // never valid in UTF-8

        var response = await PostRawAsync([.. bytes], "application/json", _factory.KeyFor(Roles.Inspector));

        await AssertProblemAsync(response, 400, "invalid UTF-8");
    }

    [Fact]
    public async Task AnOversizeBodyIsRefusedWith413()
    {
        var huge = Valid(j => j.Replace("Spinach", new string('x', 70_000)));

        var response = await PostRawAsync(Encoding.UTF8.GetBytes(huge), "application/json", _factory.KeyFor(Roles.Inspector));

        await AssertProblemAsync(response, 413, "oversize");
    }

    [Fact]
    public async Task ABodyThatIsNotJsonByContentTypeIsRefusedWith415SayingWhatToSend()
    {
        var response = await PostRawAsync(Encoding.UTF8.GetBytes(Valid()), "text/plain", _factory.KeyFor(Roles.Inspector));

        var problem = await AssertProblemAsync(response, 415, "text/plain");
        Assert.Contains("application/json", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ABodyNestedPastTheDepthLimitIsRefusedNamingTheLimitNotAPosition()
    {
        // 33 levels, one past Ingest:MaxJsonDepth's default of 32: the body itself (1), the payload (2) and 31 arrays.
        var body = Valid(j => j.Replace("\"product\":\"Spinach\"", "\"product\":" + new string('[', 31) + new string(']', 31)));

        var response = await PostRawAsync(Encoding.UTF8.GetBytes(body), "application/json", _factory.KeyFor(Roles.Inspector));

        var detail = (await AssertProblemAsync(response, 400, "too deep")).GetProperty("detail").GetString()!;
        Assert.Contains("nested deeper than 32 levels", detail);
        Assert.Contains("Ingest:MaxJsonDepth", detail);
        Assert.DoesNotContain("byte", detail);
    }

    [Fact]
    public async Task ABodyAtExactlyTheDepthLimitIsAccepted()
    {
        // 32 levels: the body (1), the payload (2) and 30 arrays.
        var body = Valid(j => j.Replace("\"product\":\"Spinach\"", "\"product\":" + new string('[', 30) + new string(']', 30)));

        var response = await PostRawAsync(Encoding.UTF8.GetBytes(body), "application/json", _factory.KeyFor(Roles.Inspector));

        // Past the JSON reader: refused by the record schema (product must be text), not for its depth.
        var detail = (await AssertProblemAsync(response, 400, "schema")).ToString();
        Assert.DoesNotContain("nested deeper", detail);
        Assert.Contains("product", detail);
    }

    [Fact]
    public async Task ABodyThatStartsWithAByteOrderMarkIsRefusedSayingSo()
    {
        var response = await PostRawAsync([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Valid())], "application/json", _factory.KeyFor(Roles.Inspector));

        var detail = (await AssertProblemAsync(response, 400, "BOM")).GetProperty("detail").GetString()!;
        Assert.Contains("byte-order mark", detail);
        Assert.DoesNotContain("not valid JSON", detail);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-key")]
    [InlineData("ldg_00000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task AMissingOrUnknownApiKeyIsRefusedWith401(string? key)
    {
        var response = await PostRawAsync(Encoding.UTF8.GetBytes(Valid()), "application/json", key);

        await AssertProblemAsync(response, 401, $"key {key}");
        Assert.Contains("ApiKey", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task ATamperedCopyOfARealKeyIsRefused()
    {
        var key = _factory.KeyFor(Roles.Inspector);
        var tampered = key[..^1] + (key[^1] == 'A' ? 'B' : 'A');

        var response = await PostRawAsync(Encoding.UTF8.GetBytes(Valid()), "application/json", tampered);

        await AssertProblemAsync(response, 401, "tampered key");
    }

    private async Task<HttpResponseMessage> PostRawAsync(byte[] body, string contentType, string? key)
    {
        _countBefore = await _factory.QueryAsync(db => db.Records.CountAsync());
        var client = _factory.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/records") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }
        return await client.SendAsync(request);
    }

    private async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, int status, string because)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"{because}: expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.DoesNotContain("   at ", text); // no stack traces
        // Tests of one class run one at a time, so nothing else writes between the two counts.
        Assert.Equal(_countBefore, await _factory.QueryAsync(db => db.Records.CountAsync()));
        return problem.Clone();
    }
}
