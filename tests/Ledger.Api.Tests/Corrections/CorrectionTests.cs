using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ledger.Api.Access;
using Ledger.Api.Tests.Issuers;
using Ledger.Api.Tests.Revocation;
using Ledger.Cli;

namespace Ledger.Api.Tests.Corrections;

/// <summary>
/// Corrections end to end: a submission with <c>supersedes</c> replaces an earlier record of the same type, which
/// then reads as superseded through the public verification, its proof bundle, an authorised read and
/// <c>ledger verify</c>. A record is corrected once; a revoked one not at all, and a corrected one is not revoked.
/// </summary>
public sealed class CorrectionTests(SharedLedger ledger) : IClassFixture<SharedLedger>
{
    private readonly LedgerApiFactory _factory = ledger.Factory;

    [Fact]
    public async Task ACorrectedInspectionReadsAsSupersededByTheNewerRecordEverywhere()
    {
        var inspector = _factory.ClientFor(Roles.Inspector);
        var original = await SubmitAsync(inspector, Samples.Inspection("L-2026-1130-01"));

        var (status, correction) = await CorrectAsync(inspector, original, Samples.Inspection("L-2026-1130-02"));

        Assert.Equal(HttpStatusCode.Accepted, status);
        var newer = correction.GetProperty("recordHash").GetString()!;
        await _factory.WaitForStatusAsync(newer, "anchored", "confirmed");
        var verification = await _factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/verify/{original}");
        Assert.Equal("superseded", verification.GetProperty("status").GetString());
        Assert.Equal(newer, verification.GetProperty("supersession").GetProperty("supersededBy").GetString());
        var bundle = await _factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/proofs/{original}");
        Assert.Equal("superseded", bundle.GetProperty("status").GetString());
        var newerView = await inspector.GetFromJsonAsync<JsonElement>(correction.GetProperty("links").GetProperty("self").GetString());
        Assert.Equal(original, newerView.GetProperty("envelope").GetProperty("supersedes").GetString());
        var (code, output) = await LedgerVerify.RunAsync(_factory, bundle);
        Assert.True(code == CliApp.Valid, output);
        Assert.Contains("The service states the record is superseded by a correction", output);
    }

    [Fact]
    public async Task TheAuthorisedReadOfACorrectedRecordSaysByWhichRecordAndWhen()
    {
        var inspector = _factory.ClientFor(Roles.Inspector);
        var accepted = await Samples.SubmitAsync(inspector, Samples.Inspection());
        var original = accepted.GetProperty("recordHash").GetString()!;
        var (_, correction) = await CorrectAsync(inspector, original, Samples.Inspection());

        var view = await inspector.GetFromJsonAsync<JsonElement>(accepted.GetProperty("links").GetProperty("self").GetString());

        Assert.Equal("superseded", view.GetProperty("status").GetString());
        Assert.Equal(correction.GetProperty("recordHash").GetString(), view.GetProperty("supersession").GetProperty("supersededBy").GetString());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("revocation").ValueKind);
    }

    [Fact]
    public async Task CorrectingARecordTwiceIsAConflictThatNamesTheCorrection()
    {
        var inspector = _factory.ClientFor(Roles.Inspector);
        var original = await SubmitAsync(inspector, Samples.Inspection());
        var (_, first) = await CorrectAsync(inspector, original, Samples.Inspection());

        var (status, problem) = await CorrectAsync(inspector, original, Samples.Inspection());

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("already-corrected", problem.GetProperty("rule").GetString());
        Assert.Contains(first.GetProperty("recordHash").GetString()!, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task OfTwentyCorrectionsOfOneRecordSentAtOnceExactlyOneIsStoredAndTheRestAreConflicts()
    {
        var inspector = _factory.ClientFor(Roles.Inspector);
        var original = await SubmitAsync(inspector, Samples.Inspection());

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            CorrectAsync(_factory.ClientFor(Roles.Inspector), original, Samples.Inspection($"L-2026-1130-{i:00}"))));

        var winner = Assert.Single(answers, a => a.Status == HttpStatusCode.Accepted);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Accepted), a => Assert.Equal(HttpStatusCode.Conflict, a.Status));
        var originalId = await _factory.QueryAsync(db => Task.FromResult(db.Records.Single(r => r.RecordHash == original).Id));
        var links = await _factory.QueryAsync(db => Task.FromResult(db.Supersessions.Where(s => s.SupersededRecordId == originalId).Select(s => s.Id).ToList()));
        Assert.Equal(winner.Body.GetProperty("id").GetString(), Assert.Single(links));
        var stored = await _factory.QueryAsync(db => Task.FromResult(db.Records.Count(r => r.EnvelopeJson.Contains(original))));
        Assert.Equal(1, stored);
    }

    [Fact]
    public async Task ARoleThatMayNotCorrectTheRecordIsForbiddenBeforeTypesAreCompared()
    {
        var original = await SubmitAsync(_factory.ClientFor(Roles.Inspector), Samples.Inspection());

        var (status, _) = await CorrectAsync(_factory.ClientFor(Roles.CommunityWorker), original, Samples.VolunteerService());

        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task ACorrectionOfAnotherTypeIsRefusedOnTheSupersedesFieldAndNothingIsStored()
    {
        var worker = _factory.ClientFor(Roles.CommunityWorker);
        var service = await SubmitAsync(worker, Samples.VolunteerService());
        var redemption = new JsonObject
        {
            ["domain"] = "shared-community",
            ["type"] = "hours-redemption",
            ["occurredAt"] = "2026-11-22T10:00:00+08:00",
            ["payload"] = new JsonObject { ["volunteerRef"] = "V-318", ["hours"] = "1.00", ["service"] = "home repair", ["redeemedOn"] = "2026-11-22" },
        };
        var before = await _factory.QueryAsync(db => Task.FromResult(db.Records.Count()));

        var (status, problem) = await CorrectAsync(worker, service, redemption);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("shared-community/volunteer-service", problem.GetProperty("errors").GetProperty("supersedes")[0].GetString());
        Assert.Equal(before, await _factory.QueryAsync(db => Task.FromResult(db.Records.Count())));
    }

    [Fact]
    public async Task AnUnknownTypeIsReportedAsSuchNotAsAMismatchWithTheCorrectedRecord()
    {
        var inspector = _factory.ClientFor(Roles.Inspector);
        var original = await SubmitAsync(inspector, Samples.Inspection());
        var unknown = Samples.Inspection();
        unknown["type"] = "no-such-type";

        var (status, problem) = await CorrectAsync(inspector, original, unknown);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty("type", out _), problem.ToString());
    }

    [Fact]
    public async Task ARevokedRecordIsNotCorrectedAndACorrectedRecordIsNotRevoked()
    {
        var inspector = _factory.ClientFor(Roles.Inspector);
        var revoked = await SubmitAsync(inspector, Samples.Inspection());
        await RevocationTests.RevokeAsync(inspector, revoked, "withdrawn");
        var corrected = await SubmitAsync(inspector, Samples.Inspection());
        var (_, correction) = await CorrectAsync(inspector, corrected, Samples.Inspection());

        var (correctStatus, correctProblem) = await CorrectAsync(inspector, revoked, Samples.Inspection());
        var (revokeStatus, revokeProblem) = await RevocationTests.RevokeAsync(inspector, corrected, "withdrawn");

        Assert.Equal((HttpStatusCode.Conflict, "not-standing"), (correctStatus, correctProblem.GetProperty("rule").GetString()));
        Assert.Equal((HttpStatusCode.Conflict, "corrected"), (revokeStatus, revokeProblem.GetProperty("rule").GetString()));
        Assert.Contains(correction.GetProperty("recordHash").GetString()!, revokeProblem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AnotherDistrictsInspectorMayNotCorrectAPublishedInspection()
    {
        var original = await SubmitAsync(_factory.ClientFor(Roles.Inspector), Samples.Inspection());

        var (status, _) = await CorrectAsync(_factory.ClientFor(EmbeddedKeys.NeighbourKeyName(Roles.Inspector)), original, Samples.Inspection());

        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task ACheckInOfAnotherDistrictIsNotFoundExactlyLikeAnUnknownHash()
    {
        var checkIn = await SubmitAsync(_factory.ClientFor(Roles.CorrectionOfficer), Samples.CheckIn());
        var neighbour = _factory.ClientFor(EmbeddedKeys.NeighbourKeyName(Roles.CorrectionOfficer));

        var (hidden, hiddenProblem) = await CorrectAsync(neighbour, checkIn, Samples.CheckIn());
        var (unknown, unknownProblem) = await CorrectAsync(neighbour, "0x" + new string('5', 64), Samples.CheckIn());

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (hidden, unknown));
        Assert.Equal(unknownProblem.GetProperty("detail").GetString(), hiddenProblem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task TheBureauCorrectsItsOfficesCheckInButTheOfficeDoesNotCorrectTheBureaus()
    {
        var office = _factory.ClientFor(EmbeddedKeys.OfficeOfficerKeyName);
        var bureau = _factory.ClientFor(Roles.CorrectionOfficer);
        var officeRecord = await SubmitAsync(office, Samples.CheckIn());
        var bureauRecord = await SubmitAsync(bureau, Samples.CheckIn());

        var (byBureau, _) = await CorrectAsync(bureau, officeRecord, Samples.CheckIn());
        var (byOffice, _) = await CorrectAsync(office, bureauRecord, Samples.CheckIn());

        Assert.Equal(HttpStatusCode.Accepted, byBureau);
        Assert.True(byOffice is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, byOffice.ToString());
    }

    [Theory]
    [InlineData("\"0x1234\"")]
    [InlineData("\"not a hash\"")]
    [InlineData("42")]
    [InlineData("null")]
    public async Task ASupersedesThatIsNotARecordHashIsRefusedAndNothingIsStored(string literal)
    {
        var inspector = _factory.ClientFor(Roles.Inspector);
        var before = await _factory.QueryAsync(db => Task.FromResult(db.Records.Count()));
        var submission = Samples.Inspection();
        submission["supersedes"] = JsonNode.Parse(literal);

        using var response = await inspector.PostAsJsonAsync("/api/v1/records", submission);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("supersedes", out _), problem.ToString());
        Assert.Equal(before, await _factory.QueryAsync(db => Task.FromResult(db.Records.Count())));
    }

    private static async Task<string> SubmitAsync(HttpClient client, JsonObject submission) =>
        (await Samples.SubmitAsync(client, submission)).GetProperty("recordHash").GetString()!;

    private static async Task<(HttpStatusCode Status, JsonElement Body)> CorrectAsync(HttpClient client, string supersedes, JsonObject submission)
    {
        submission["supersedes"] = supersedes;
        using var response = await client.PostAsJsonAsync("/api/v1/records", submission);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }
}
