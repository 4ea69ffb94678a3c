using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ledger.Api.Access;
using Ledger.Api.Tests.Protection;

namespace Ledger.Api.Tests.Paging;

/// <summary>
/// Every list pages the same way (cursor and limit in, items and a <c>page</c> member out) and answers with an ETag;
/// clients written before paging still get the whole list on the first page.
/// </summary>
public sealed class ListPagingTests(SharedLedger ledger) : IClassFixture<SharedLedger>
{
    private readonly LedgerApiFactory _factory = ledger.Factory;

    public static TheoryData<string, string, string> Lists => new()
    {
        { "/api/v1/record-types", "recordTypes", "schema" },
        { "/api/v1/issuers", "organisations", "organisation" },
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task FollowingNextOnePageAtATimeGivesTheWholeListOnceEachAndItsTotal(string path, string items, string key)
    {
        var client = _factory.CreateClient();
        var whole = await client.GetFromJsonAsync<JsonElement>(path);
        // Items are compared by key: an issuer key's status may move on while the test walks the pages.
        var expected = whole.GetProperty(items).EnumerateArray().Select(i => i.GetProperty(key).GetString()).ToList();

        var walked = new List<string?>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"{path}?limit=2" + (cursor is null ? "" : $"&cursor={cursor}"));
            Assert.InRange(page.GetProperty(items).GetArrayLength(), 1, 2);
            walked.AddRange(page.GetProperty(items).EnumerateArray().Select(i => i.GetProperty(key).GetString()));
            Assert.Equal(2, page.GetProperty("page").GetProperty("limit").GetInt32());
            Assert.Equal(expected.Count, page.GetProperty("page").GetProperty("total").GetInt64());
            cursor = page.GetProperty("page").GetProperty("next").GetString();
            pages++;
        }
        while (cursor is not null);

        Assert.True(expected.Count > 2, $"{path} should list more than one page's worth here");
        Assert.Equal(expected, walked);
        Assert.Equal((expected.Count + 1) / 2, pages);
        Assert.Null(whole.GetProperty("page").GetProperty("next").GetString());
    }

    [Theory]
    [InlineData("/api/v1/record-types")]
    [InlineData("/api/v1/issuers")]
    public async Task AListSentAgainWithItsETagIsNotModifiedAndAnotherPageHasAnotherTag(string path)
    {
        var client = _factory.CreateClient();
        using var first = await client.GetAsync(path);
        var tag = first.Headers.ETag;
        Assert.NotNull(tag);
        Assert.False(tag.IsWeak);

        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(tag);
        using var notModified = await client.SendAsync(again);
        using var other = await client.GetAsync($"{path}?limit=1");

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(tag, notModified.Headers.ETag);
        Assert.NotEqual(tag, other.Headers.ETag);
    }

    [Fact]
    public async Task TheAccessTrailsTagChangesWhenSomeoneReadsTheRecord()
    {
        var officer = _factory.ClientFor(Roles.CorrectionOfficer);
        var id = (await Samples.SubmitAsync(officer, SensitiveSamples.CheckIn(SensitiveSamples.NewRef("ETAG")))).GetProperty("id").GetString()!;
        var path = $"/api/v1/records/{id}/access-trail";
        using var before = await officer.GetAsync(path);

        await ReadRecord.OkAsync(_factory.ClientFor(Roles.Auditor), id, "audit of check-in records");
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        using var after = await officer.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        var page = JsonDocument.Parse(await after.Content.ReadAsStringAsync()).RootElement;
        Assert.Single(page.GetProperty("entries").EnumerateArray());
    }

    [Fact]
    public async Task TheAccessTrailsCursorAndItsOlderAfterLeadToTheSameNextPage()
    {
        var officer = _factory.ClientFor(Roles.CorrectionOfficer);
        var auditor = _factory.ClientFor(Roles.Auditor);
        var id = (await Samples.SubmitAsync(officer, SensitiveSamples.CheckIn(SensitiveSamples.NewRef("PAGE")))).GetProperty("id").GetString()!;
        for (var i = 0; i < 3; i++)
        {
            await ReadRecord.OkAsync(auditor, id, $"audit read {i}");
        }
        var path = $"/api/v1/records/{id}/access-trail";

        var first = await officer.GetFromJsonAsync<JsonElement>($"{path}?limit=2");
        var byCursor = await officer.GetFromJsonAsync<JsonElement>($"{path}?limit=2&cursor={first.GetProperty("page").GetProperty("next").GetString()}");
        var byAfter = await officer.GetFromJsonAsync<JsonElement>($"{path}?limit=2&after={first.GetProperty("next").GetInt64()}");

        Assert.Equal(2, first.GetProperty("entries").GetArrayLength());
        Assert.Equal(byAfter.GetProperty("entries").GetRawText(), byCursor.GetProperty("entries").GetRawText());
        Assert.Single(byCursor.GetProperty("entries").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, byCursor.GetProperty("page").GetProperty("next").ValueKind);
        Assert.Equal(JsonValueKind.Null, byCursor.GetProperty("page").GetProperty("total").ValueKind);
    }

    [Theory]
    [InlineData("/api/v1/record-types?cursor=%25%25", "cursor")]
    [InlineData("/api/v1/issuers?limit=0", "limit")]
    [InlineData("/api/v1/issuers?limit=501", "limit")]
    [InlineData("/api/v1/access-trail?cursor=YWJj", "cursor")]
    public async Task ABadCursorOrLimitIsAProblemThatNamesIt(string path, string parameter)
    {
        using var response = await _factory.ClientFor(Roles.Auditor).GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }
}
