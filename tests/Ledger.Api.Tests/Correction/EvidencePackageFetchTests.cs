using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ledger.Api.Access;
using static Ledger.Api.Tests.Correction.CaseRecords;

namespace Ledger.Api.Tests.Correction;

/// <summary>
/// Fetching an evidence package: with anchoring switched off its access-trail event stays pending, so the package is
/// made (202 and its Location) but not handed out — a 202 problem with Retry-After — and only to the key that made it.
/// </summary>
public sealed class EvidencePackageFetchTests : IAsyncLifetime
{
    private static readonly DateOnly Start = new(2026, 9, 1);
    private readonly LedgerApiFactory _factory = new(settings: new Dictionary<string, string?> { ["Anchoring:Enabled"] = "false" });
    private readonly string _caseRef = FreshRef("SQJZ-FE");

    public async Task InitializeAsync()
    {
        var officer = _factory.ClientFor(Roles.CorrectionOfficer);
        await OpenAsync(officer, Case(_caseRef, Start, Start.AddDays(30)));
        await SubmitAsync(officer, CheckIn(_caseRef, Start));
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        _factory.DeleteData();
    }

    [Fact]
    public async Task APackageWhoseEventIsNotOnChainYetIsA202ProblemWithRetryAfter()
    {
        var officer = _factory.ClientFor(Roles.CorrectionOfficer);
        using var made = await EvidenceLedger.RequestAsync(officer, _caseRef, Day(Start), Day(Start.AddDays(1)));
        var accepted = JsonDocument.Parse(await made.Content.ReadAsStringAsync()).RootElement;

        using var fetched = await GetAsync(officer, made.Headers.Location!.ToString());

        Assert.Equal(HttpStatusCode.Accepted, made.StatusCode);
        Assert.NotNull(made.Headers.RetryAfter);
        Assert.Equal(made.Headers.Location!.ToString(), accepted.GetProperty("location").GetString());
        Assert.Equal(HttpStatusCode.Accepted, fetched.StatusCode);
        Assert.Equal("application/problem+json", fetched.Content.Headers.ContentType?.MediaType);
        Assert.True(fetched.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        var problem = JsonDocument.Parse(await fetched.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("package-pending", problem.GetProperty("rule").GetString());
        Assert.Contains(accepted.GetProperty("packageEvent").GetString()!, problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData(Roles.BureauApprover)]
    [InlineData(Roles.Auditor)]
    [InlineData("binjiang-correction-officer")]
    public async Task OnlyTheKeyThatMadeAPackageFetchesIt(string other)
    {
        using var made = await EvidenceLedger.RequestAsync(_factory.ClientFor(Roles.CorrectionOfficer), _caseRef, Day(Start), Day(Start.AddDays(1)));

        using var fetched = await GetAsync(_factory.ClientFor(other), made.Headers.Location!.ToString());

        Assert.Equal(HttpStatusCode.NotFound, fetched.StatusCode);
    }

    [Fact]
    public async Task AnUnknownPackageIsA404LikeAnotherKeys()
    {
        using var fetched = await GetAsync(_factory.ClientFor(Roles.CorrectionOfficer), $"/api/v1/correction/cases/{_caseRef}/evidence/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, fetched.StatusCode);
        Assert.Contains("No evidence package with this id", (await fetched.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>());
    }
}
