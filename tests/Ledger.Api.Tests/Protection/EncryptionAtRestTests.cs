using System.Net;
using System.Text.Json.Nodes;
using Ledger.Api.Access;
using Ledger.Core.Records;
using Ledger.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Tests.Protection;

/// <summary>L2+ envelopes are sealed before they are written; L1 envelopes are public and stay readable.</summary>
public sealed class EncryptionAtRestTests(SharedLedger ledger) : IClassFixture<SharedLedger>
{
    private readonly LedgerApiFactory _factory = ledger.Factory;

    [Fact]
    public async Task TheTextOfL2AndL4PayloadsNeverReachesTheDatabaseFiles()
    {
        var (volunteer, activity) = (SensitiveSamples.NewRef("V"), SensitiveSamples.NewRef("Marker activity"));
        var (subject, note) = (SensitiveSamples.NewRef("CC"), SensitiveSamples.NewRef("Marker note"));
        var l2 = await Samples.SubmitAsync(_factory.ClientFor(Roles.CommunityWorker), SensitiveSamples.VolunteerService(volunteer, activity));
        var l4 = await Samples.SubmitAsync(_factory.ClientFor(Roles.CorrectionOfficer), SensitiveSamples.CheckIn(subject, note));
        await _factory.WaitForStatusAsync(l4.GetProperty("recordHash").GetString()!, "anchored", "confirmed");

        foreach (var secret in new[] { volunteer, activity, subject, note, l2.GetProperty("salt").GetString()!, l4.GetProperty("salt").GetString()! })
        {
            Assert.False(StoreFiles.Contain(_factory.DataDirectory, secret), $"'{secret}' is in the database files in plain text.");
        }
    }

    [Fact]
    public async Task L1RecordsStayInPlainTextBecauseTheyArePublished()
    {
        var lot = SensitiveSamples.NewRef("LOT");

        var accepted = await Samples.SubmitAsync(_factory.ClientFor(Roles.Inspector), Samples.Inspection(lot));

        var stored = await StoredAsync(accepted.GetProperty("id").GetString()!);
        Assert.Null(stored.SealedEnvelope);
        Assert.Contains(lot, stored.EnvelopeJson);
        Assert.True(StoreFiles.Contain(_factory.DataDirectory, lot));
    }

    [Fact]
    public async Task AnAuthorisedReadGetsTheDecryptedEnvelopeWhichHashesToTheRecordHash()
    {
        var activity = SensitiveSamples.NewRef("Reading");
        var accepted = await Samples.SubmitAsync(_factory.ClientFor(Roles.CommunityWorker), SensitiveSamples.VolunteerService(SensitiveSamples.NewRef("V"), activity));

        var view = await ReadRecord.OkAsync(_factory.ClientFor(Roles.CommunityWorker), accepted.GetProperty("id").GetString()!);

        var envelope = RecordEnvelope.FromJson(JsonNode.Parse(view.GetProperty("envelope").GetRawText()));
        Assert.Equal(accepted.GetProperty("recordHash").GetString(), RecordCommitment.ComputeHash(envelope));
        Assert.Equal(accepted.GetProperty("salt").GetString(), envelope.Salt);
        Assert.Equal(activity, envelope.Payload["activity"]!.GetValue<string>());
    }

    [Fact]
    public async Task RecordsOfOneSubjectShareADataKeyAndAnotherSubjectGetsItsOwn()
    {
        var client = _factory.ClientFor(Roles.CorrectionOfficer);
        var (subject, other) = (SensitiveSamples.NewRef("CC"), SensitiveSamples.NewRef("CC"));

        var first = await Samples.SubmitAsync(client, SensitiveSamples.CheckIn(subject));
        var second = await Samples.SubmitAsync(client, SensitiveSamples.CheckIn(subject));
        var third = await Samples.SubmitAsync(client, SensitiveSamples.CheckIn(other));

        var keys = await Task.WhenAll(new[] { first, second, third }.Select(async r => (await StoredAsync(r.GetProperty("id").GetString()!)).DataKeyId));
        Assert.NotNull(keys[0]);
        Assert.Equal(keys[0], keys[1]);
        Assert.NotEqual(keys[0], keys[2]);
        Assert.DoesNotContain(subject, keys[0]);
    }

    [Fact]
    public async Task ConcurrentFirstRecordsOfANewSubjectEndUpWithOneDataKey()
    {
        var client = _factory.ClientFor(Roles.CommunityWorker);
        var volunteer = SensitiveSamples.NewRef("V");

        var accepted = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Samples.SubmitAsync(client, SensitiveSamples.VolunteerService(volunteer))));

        var ids = accepted.Select(a => a.GetProperty("id").GetString()!).ToList();
        var keys = await _factory.QueryAsync(db => db.Records.Where(r => ids.Contains(r.Id)).Select(r => r.DataKeyId).Distinct().ToListAsync());
        Assert.Single(keys);
    }

    [Fact]
    public async Task ASealedEnvelopeCopiedIntoAnotherRecordDoesNotOpen()
    {
        var client = _factory.ClientFor(Roles.CommunityWorker);
        var volunteer = SensitiveSamples.NewRef("V");
        var source = await Samples.SubmitAsync(client, SensitiveSamples.VolunteerService(volunteer));
        var target = await Samples.SubmitAsync(client, SensitiveSamples.VolunteerService(volunteer));
        var sealedSource = (await StoredAsync(source.GetProperty("id").GetString()!)).SealedEnvelope!;
        var targetId = target.GetProperty("id").GetString()!;
        await _factory.QueryAsync(db => db.Database.ExecuteSqlAsync($"UPDATE records SET sealed_envelope = {sealedSource} WHERE id = {targetId}"));

        var (status, body) = await ReadRecord.SendAsync(client, targetId);

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Contains("integrity", body.GetProperty("title").GetString());
    }

    [Fact]
    public async Task TheDatabaseRefusesToStoreAnL2EnvelopeInPlainText()
    {
        var record = new StoredRecord
        {
            Id = Guid.NewGuid().ToString(), Domain = "shared-community", Type = "volunteer-service", Level = 2, Issuer = "demo-community-committee",
            OccurredAt = "2026-11-21T08:00:00.000Z", ReceivedAtMs = 0, EnvelopeJson = "{\"payload\":{}}",
            RecordHash = "0x" + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + new string('0', 32), SubmittedBy = "test",
        };

        var failure = await Assert.ThrowsAsync<DbUpdateException>(() => _factory.QueryAsync(db =>
        {
            db.Records.Add(record);
            return db.SaveChangesAsync();
        }));

        Assert.Contains("must be stored sealed", failure.InnerException?.Message);
    }

    [Fact]
    public async Task ARetriedL2SubmissionIsAnsweredWithItsOriginalSalt()
    {
        var client = _factory.ClientFor(Roles.CorrectionOfficer);
        var submission = SensitiveSamples.CheckIn(SensitiveSamples.NewRef("CC"));
        var key = "key-" + Guid.NewGuid().ToString("N");
        await Samples.EnsureCaseAsync(client, submission["payload"]!["subjectRef"]!.GetValue<string>());

        var (_, first) = await Records.IdempotentPost.SendAsync(client, submission, key);
        var (retry, again) = await Records.IdempotentPost.SendAsync(client, submission, key);

        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Equal(first, again);
    }

    private Task<StoredRecord> StoredAsync(string id) => _factory.QueryAsync(db => db.Records.AsNoTracking().SingleAsync(r => r.Id == id));
}
