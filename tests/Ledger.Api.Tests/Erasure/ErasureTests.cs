using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ledger.Api.Access;
using Ledger.Api.Tests.Issuers;
using Ledger.Api.Tests.Protection;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Tests.Erasure;

/// <summary>
/// Crypto-shredding end to end: erasing a subject destroys its data key, so its payloads are gone for good, while
/// hashes, proofs and anchors still verify, and the erasure itself is an anchored record.
/// </summary>
public sealed class ErasureTests(SharedLedger ledger) : IClassFixture<SharedLedger>
{
    private const string CorrectionDomain = "community-correction";
    private readonly LedgerApiFactory _factory = ledger.Factory;

    [Fact]
    public async Task ErasingASubjectMakesItsPayloadsGoneWhileAnotherSubjectStaysReadable()
    {
        var officer = _factory.ClientFor(Roles.CorrectionOfficer);
        var (erased, kept) = (SensitiveSamples.NewRef("CC"), SensitiveSamples.NewRef("CC"));
        var first = await Samples.SubmitAsync(officer, SensitiveSamples.CheckIn(erased));
        var second = await Samples.SubmitAsync(officer, SensitiveSamples.CheckIn(erased));
        var other = await Samples.SubmitAsync(officer, SensitiveSamples.CheckIn(kept));

        var (status, result) = await Erase.SendAsync(officer, CorrectionDomain, erased);

        Assert.Equal(HttpStatusCode.Created, status);
        // The two check-ins and the case-opened record of their case.
        Assert.Equal(3, result.GetProperty("erasedRecords").GetInt32());
        foreach (var gone in new[] { first, second })
        {
            var (readStatus, problem) = await ReadRecord.SendAsync(officer, gone.GetProperty("id").GetString()!);
            Assert.Equal(HttpStatusCode.Gone, readStatus);
            Assert.Contains("erased", problem.GetProperty("detail").GetString());
        }
        await ReadRecord.OkAsync(officer, other.GetProperty("id").GetString()!);
    }

    [Fact]
    public async Task AnErasedRecordStillVerifiesShowsErasedAndItsProofPassesLedgerVerify()
    {
        var officer = _factory.ClientFor(Roles.CorrectionOfficer);
        var subject = SensitiveSamples.NewRef("CC");
        var accepted = await Samples.SubmitAsync(officer, SensitiveSamples.CheckIn(subject));
        var hash = accepted.GetProperty("recordHash").GetString()!;
        await _factory.WaitForStatusAsync(hash, "anchored", "confirmed");

        var (_, erasure) = await Erase.SendAsync(officer, CorrectionDomain, subject);

        var verification = await _factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/verify/{hash}");
        Assert.Equal("erased", verification.GetProperty("status").GetString());
        // The erasure record is evidence for those who may read the record; to the public it would link records of one subject.
        Assert.Equal(JsonValueKind.Null, verification.GetProperty("erasure").ValueKind);
        Assert.DoesNotContain(erasure.GetProperty("recordHash").GetString()!, verification.ToString());
        Assert.NotEqual(JsonValueKind.Null, verification.GetProperty("anchor").ValueKind);
        var bundle = await _factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/proofs/{hash}");
        Assert.Equal("erased", bundle.GetProperty("status").GetString());
        var (code, output) = await LedgerVerify.RunAsync(_factory, bundle);
        Assert.True(code == 0, output);
        Assert.Contains("payload has been erased", output);
    }

    [Fact]
    public async Task TheErasureRecordIsAnchoredAndNamesTheSubjectOnlyByAKeyedDigest()
    {
        var worker = _factory.ClientFor(Roles.CommunityWorker);
        var volunteer = SensitiveSamples.NewRef("V");
        await Samples.SubmitAsync(worker, SensitiveSamples.VolunteerService(volunteer));

        var (status, erasure) = await Erase.SendAsync(worker, "shared-community", volunteer, "retention-expired", note: null);

        Assert.Equal(HttpStatusCode.Created, status);
        var bundle = await _factory.WaitForStatusAsync(erasure.GetProperty("recordHash").GetString()!, "anchored", "confirmed");
        var (code, output) = await LedgerVerify.RunAsync(_factory, bundle);
        Assert.True(code == 0, output);
        // Auditors of the jurisdiction read the evidence; it names the subject only by its digest.
        var record = await ReadRecord.OkAsync(_factory.ClientFor(Roles.Auditor), erasure.GetProperty("erasureId").GetString()!);
        var payload = record.GetProperty("envelope").GetProperty("payload");
        Assert.Equal("retention-expired", payload.GetProperty("legalBasis").GetString());
        Assert.Equal(1, payload.GetProperty("erasedCount").GetInt32());
        Assert.Matches("^0x[0-9a-f]{64}$", payload.GetProperty("subjectDigest").GetString());
        Assert.DoesNotContain(volunteer, record.GetRawText());
        Assert.False(StoreFiles.Contain(_factory.DataDirectory, volunteer));
    }

    [Fact]
    public async Task TheDestroyedDataKeyLeavesTheDatabaseFiles()
    {
        var officer = _factory.ClientFor(Roles.CorrectionOfficer);
        var subject = SensitiveSamples.NewRef("CC");
        var accepted = await Samples.SubmitAsync(officer, SensitiveSamples.CheckIn(subject));
        var id = accepted.GetProperty("id").GetString()!;
        var keyId = await _factory.QueryAsync(db => db.Records.Where(r => r.Id == id).Select(r => r.DataKeyId).SingleAsync());
        var wrapped = await _factory.QueryAsync(db => db.SubjectKeys.Where(k => k.Id == keyId).Select(k => k.WrappedKey).SingleAsync());
        Assert.True(StoreFiles.Contain(_factory.DataDirectory, wrapped));

        await Erase.SendAsync(officer, CorrectionDomain, subject);

        Assert.False(StoreFiles.Contain(_factory.DataDirectory, wrapped));
        Assert.Null(await _factory.QueryAsync(db => db.Records.Where(r => r.Id == id).Select(r => r.DataKeyId).SingleAsync()));
    }

    [Fact]
    public async Task ARecordOfTheSubjectSubmittedAfterTheErasureIsReadableAgain()
    {
        var officer = _factory.ClientFor(Roles.CorrectionOfficer);
        var subject = SensitiveSamples.NewRef("CC");
        var before = await Samples.SubmitAsync(officer, SensitiveSamples.CheckIn(subject));
        await Erase.SendAsync(officer, CorrectionDomain, subject);

        var after = await Samples.SubmitAsync(officer, SensitiveSamples.CheckIn(subject));

        await ReadRecord.OkAsync(officer, after.GetProperty("id").GetString()!);
        Assert.Equal(HttpStatusCode.Gone, (await ReadRecord.SendAsync(officer, before.GetProperty("id").GetString()!)).Status);
    }

    [Fact]
    public async Task ErasingASubjectTheOrganisationHoldsNoRecordOfIsANotFound()
    {
        var (status, _) = await Erase.SendAsync(_factory.ClientFor(Roles.CorrectionOfficer), CorrectionDomain, SensitiveSamples.NewRef("CC"));

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task AnotherDistrictsOfficerCannotEraseThisBureausSubject()
    {
        var subject = SensitiveSamples.NewRef("CC");
        var accepted = await Samples.SubmitAsync(_factory.ClientFor(Roles.CorrectionOfficer), SensitiveSamples.CheckIn(subject));
        var neighbour = _factory.CreateClient();
        neighbour.DefaultRequestHeaders.Add("X-Api-Key", await _factory.CreateKeyAsync(Roles.CorrectionOfficer, EmbeddedOrganisations.NeighbourOf(Roles.CorrectionOfficer)));

        var (status, _) = await Erase.SendAsync(neighbour, CorrectionDomain, subject);

        Assert.Equal(HttpStatusCode.NotFound, status);
        await ReadRecord.OkAsync(_factory.ClientFor(Roles.CorrectionOfficer), accepted.GetProperty("id").GetString()!);
    }

    public static TheoryData<string, HttpStatusCode> OtherRoles => new()
    {
        { Roles.CommunityWorker, HttpStatusCode.NotFound }, // may not learn that an L4 subject exists
        { Roles.Inspector, HttpStatusCode.NotFound },
        { Roles.Auditor, HttpStatusCode.Forbidden },        // may read the records, may not destroy them
        { Roles.Admin, HttpStatusCode.NotFound },
    };

    [Theory]
    [MemberData(nameof(OtherRoles))]
    public async Task OnlyTheDomainsOwnStaffMayErase(string role, HttpStatusCode expected)
    {
        var subject = SensitiveSamples.NewRef("CC");
        var accepted = await Samples.SubmitAsync(_factory.ClientFor(Roles.CorrectionOfficer), SensitiveSamples.CheckIn(subject));

        var (status, _) = await Erase.SendAsync(_factory.ClientFor(role), CorrectionDomain, subject);

        Assert.Equal(expected, status);
        await ReadRecord.OkAsync(_factory.ClientFor(Roles.CorrectionOfficer), accepted.GetProperty("id").GetString()!);
    }

    [Fact]
    public async Task ALegalBasisOfOtherNeedsANote()
    {
        var (status, problem) = await Erase.SendAsync(_factory.ClientFor(Roles.CorrectionOfficer), CorrectionDomain, "CC-1", "other", note: null);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty("note", out _));
    }

    [Fact]
    public async Task AnonymousCallersCannotErase()
    {
        var (status, _) = await Erase.SendAsync(_factory.CreateClient(), CorrectionDomain, "CC-1");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }
}
