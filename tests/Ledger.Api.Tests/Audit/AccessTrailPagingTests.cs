using System.Net;
using System.Text.Json;
using Ledger.Api.Access;

namespace Ledger.Api.Tests.Audit;

/// <summary>The trail's paging parameters: a bad value is a query-parameter problem that names the parameter and its form.</summary>
public sealed class AccessTrailPagingTests(SharedLedger ledger) : IClassFixture<SharedLedger>
{
    private readonly LedgerApiFactory _factory = ledger.Factory;

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=501")]
    [InlineData("limit=ten")]
    public async Task ALimitOutOfRangeOrNotANumberNamesLimitAndItsRange(string query)
    {
        var problem = await ProblemAsync($"/api/v1/access-trail?{query}");

        Assert.Equal("Invalid query parameter", problem.GetProperty("title").GetString());
        Assert.Contains("limit", problem.GetProperty("detail").GetString());
        Assert.Contains("1 to 500", problem.GetProperty("detail").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("limit", out _));
    }

    [Theory]
    [InlineData("after=abc")]
    [InlineData("after=-1")]
    [InlineData("after=1.5")]
    public async Task AnAfterThatIsNotASequenceNumberNamesAfterAndItsForm(string query)
    {
        var problem = await ProblemAsync($"/api/v1/access-trail?{query}");

        Assert.Equal("Invalid query parameter", problem.GetProperty("title").GetString());
        Assert.Contains("after", problem.GetProperty("detail").GetString());
        Assert.Contains("whole number", problem.GetProperty("detail").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("after", out _));
    }

    [Fact]
    public async Task TheRecordTrailChecksItsPagingTheSameWay()
    {
        var accepted = await Samples.SubmitAsync(_factory.ClientFor(Roles.CommunityWorker), Samples.VolunteerService());

        var problem = await ProblemAsync($"/api/v1/records/{accepted.GetProperty("id").GetString()}/access-trail?after=abc");

        Assert.True(problem.GetProperty("errors").TryGetProperty("after", out _));
    }

    private async Task<JsonElement> ProblemAsync(string path)
    {
        var response = await _factory.ClientFor(Roles.Auditor).GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path}: expected 400, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
