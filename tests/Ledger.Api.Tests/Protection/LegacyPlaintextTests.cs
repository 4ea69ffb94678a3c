using Ledger.Api.Access;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Tests.Protection;

/// <summary>A database from before encryption at rest gets its L2+ envelopes sealed at the first start with this version.</summary>
public sealed class LegacyPlaintextTests
{
    [Fact]
    public async Task AnL2EnvelopeAnEarlierVersionStoredInPlainTextIsSealedAtStart()
    {
        var first = new LedgerApiFactory();
        try
        {
            var activity = SensitiveSamples.NewRef("Legacy activity");
            var accepted = await Samples.SubmitAsync(first.ClientFor(Roles.CommunityWorker), SensitiveSamples.VolunteerService(SensitiveSamples.NewRef("V"), activity));
            var id = accepted.GetProperty("id").GetString()!;
            var envelope = (await ReadRecord.OkAsync(first.ClientFor(Roles.CommunityWorker), id, purpose: null)).GetProperty("envelope").GetRawText();
            // As an earlier version left it: the canonical envelope in plain text, nothing sealed.
            var canonical = Core.Canonical.JsonCanonicalizer.CanonicalizeToString(System.Text.Json.Nodes.JsonNode.Parse(envelope)!);
            await first.QueryAsync(db => db.Database.ExecuteSqlAsync(
                $"UPDATE records SET envelope_json = {canonical}, sealed_envelope = NULL, data_key_id = NULL WHERE id = {id}"));
            await first.DisposeAsync();

            var restarted = new LedgerApiFactory(first.DataDirectory);
            try
            {
                var read = await ReadRecord.OkAsync(restarted.ClientFor(Roles.CommunityWorker), id, purpose: null);

                Assert.Equal(activity, read.GetProperty("envelope").GetProperty("payload").GetProperty("activity").GetString());
                var stored = await restarted.QueryAsync(db => db.Records.AsNoTracking().SingleAsync(r => r.Id == id));
                Assert.Equal("", stored.EnvelopeJson);
                Assert.NotNull(stored.SealedEnvelope);
                Assert.False(StoreFiles.Contain(restarted.DataDirectory, activity));
            }
            finally
            {
                await restarted.DisposeAsync();
            }
        }
        finally
        {
            first.DeleteData();
        }
    }
}
