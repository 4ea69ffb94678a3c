using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ledger.Api.Access;

namespace Ledger.Api.Tests.Revocation;

/// <summary>
/// POST /api/v1/records/{recordHash}/revocation end to end: the issuing organisation revokes its record once, with an
/// anchored ledger/revocation record as evidence; bad requests name the field. Who may revoke is in AuthorizationMatrixTests.
/// </summary>
public sealed class RevocationTests(SharedLedger ledger) : IClassFixture<SharedLedger>
{
    private readonly LedgerApiFactory _factory = ledger.Factory;

    [Fact]
    public async Task TheIssuingInspectorRevokesAnInspectionWithAnAnchoredRevocationRecord()
    {
        var inspector = _factory.ClientFor(Roles.Inspector);
        var hash = await SubmitInspectionAsync(inspector);

        var (status, result) = await RevokeAsync(inspector, hash, "withdrawn", "decision 2026-17");

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(hash, result.GetProperty("revokedRecord").GetString());
        Assert.Equal("withdrawn", result.GetProperty("reasonCode").GetString());
        var revocationHash = result.GetProperty("recordHash").GetString()!;
        Assert.NotEqual(hash, revocationHash);
        await _factory.WaitForStatusAsync(revocationHash, "anchored", "confirmed");
    }

    [Fact]
    public async Task RevokingARecordTwiceIsAConflictThatSaysWhenAndByWhichRecord()
    {
        var inspector = _factory.ClientFor(Roles.Inspector);
        var hash = await SubmitInspectionAsync(inspector);
        var (_, first) = await RevokeAsync(inspector, hash, "duplicate");

        var (status, problem) = await RevokeAsync(inspector, hash, "issued-in-error");

        Assert.Equal(HttpStatusCode.Conflict, status);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains(first.GetProperty("recordHash").GetString()!, detail);
        Assert.Contains(first.GetProperty("revokedAt").GetDateTimeOffset().UtcDateTime.ToString("yyyy-MM-dd"), detail);
    }

    [Fact]
    public async Task OfTwentyRevocationsOfOneRecordSentAtOnceExactlyOneIsStoredAndTheRestAreConflicts()
    {
        var inspector = _factory.ClientFor(Roles.Inspector);
        var hash = await SubmitInspectionAsync(inspector);

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => RevokeAsync(_factory.ClientFor(Roles.Inspector), hash, "withdrawn")));

        Assert.Single(answers, a => a.Status == HttpStatusCode.Created);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.Status));
        var revoked = await _factory.QueryAsync(db => Task.FromResult(db.Records.Single(r => r.RecordHash == hash).Id));
        var revocations = await _factory.QueryAsync(db => Task.FromResult(db.Revocations.Where(r => r.RevokedRecordId == revoked).Select(r => r.Id).ToList()));
        var evidence = Assert.Single(revocations);
        Assert.Equal(1, await _factory.QueryAsync(db => Task.FromResult(db.Records.Count(r => r.Id == evidence))));
    }

    [Fact]
    public async Task ARevokedInspectionVerifiesAsRevokedWithWhenWhyAndByWhichRecordAndItsProofSaysRevoked()
    {
        var inspector = _factory.ClientFor(Roles.Inspector);
        var hash = await SubmitInspectionAsync(inspector);
        var (_, revocation) = await RevokeAsync(inspector, hash, "court-order", "ruling 2026-88");

        var verification = await _factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/verify/{hash}");
        var bundle = await _factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/proofs/{hash}");

        Assert.Equal("revoked", verification.GetProperty("status").GetString());
        var notice = verification.GetProperty("revocation");
        Assert.Equal(revocation.GetProperty("recordHash").GetString(), notice.GetProperty("revokedBy").GetString());
        Assert.Equal("court-order", notice.GetProperty("reasonCode").GetString());
        Assert.Equal(revocation.GetProperty("revokedAt").GetDateTimeOffset(), notice.GetProperty("revokedAt").GetDateTimeOffset());
        Assert.Equal("revoked", bundle.GetProperty("status").GetString());
    }

    [Fact]
    public async Task ARevokedCheckInShowsThePublicOnlyItsStatus()
    {
        var officer = _factory.ClientFor(Roles.CorrectionOfficer);
        var hash = (await Samples.SubmitAsync(officer, Samples.CheckIn())).GetProperty("recordHash").GetString()!;
        var (_, revocation) = await RevokeAsync(officer, hash, "issued-in-error");

        var verification = await _factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/verify/{hash}");

        Assert.Equal("revoked", verification.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, verification.GetProperty("revocation").ValueKind);
        Assert.DoesNotContain(revocation.GetProperty("recordHash").GetString()!, verification.ToString());
        Assert.DoesNotContain("issued-in-error", verification.ToString());
    }

    [Fact]
    public async Task AnUnknownHashIsNotFound()
    {
        var (status, _) = await RevokeAsync(_factory.ClientFor(Roles.Inspector), "0x" + new string('7', 64), "withdrawn");

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Theory]
    [InlineData("because", null, "reasonCode")]
    [InlineData("other", null, "note")]
    public async Task ABadRequestNamesTheField(string reasonCode, string? note, string field)
    {
        var inspector = _factory.ClientFor(Roles.Inspector);
        var hash = await SubmitInspectionAsync(inspector);

        var (status, problem) = await RevokeAsync(inspector, hash, reasonCode, note);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task ANoteLongerThan500CharactersIsRefused()
    {
        var inspector = _factory.ClientFor(Roles.Inspector);
        var hash = await SubmitInspectionAsync(inspector);

        var (status, problem) = await RevokeAsync(inspector, hash, "withdrawn", new string('n', 501));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("at most 500", problem.GetProperty("errors").GetProperty("note")[0].GetString());
    }

    private static async Task<string> SubmitInspectionAsync(HttpClient client) =>
        (await Samples.SubmitAsync(client, Samples.Inspection())).GetProperty("recordHash").GetString()!;

    internal static async Task<(HttpStatusCode Status, JsonElement Body)> RevokeAsync(HttpClient client, string hash, string reasonCode, string? note = null)
    {
        var body = new JsonObject { ["reasonCode"] = reasonCode };
        if (note is not null)
        {
            body["note"] = note;
        }
        using var response = await client.PostAsJsonAsync($"/api/v1/records/{hash}/revocation", body);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }
}
