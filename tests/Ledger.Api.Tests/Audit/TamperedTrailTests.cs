using System.Net;
using Ledger.Api.Access;
using Ledger.Api.Tests.Protection;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Tests.Audit;

/// <summary>Verification catches a trail changed behind the service's back; each test changes its own service's database.</summary>
public sealed class TamperedTrailTests : IAsyncLifetime
{
    private readonly LedgerApiFactory _factory = new();
    private string _readRecordId = "";

    public async Task InitializeAsync()
    {
        var worker = _factory.ClientFor(Roles.CommunityWorker);
        _readRecordId = (await Samples.SubmitAsync(worker, SensitiveSamples.VolunteerService(SensitiveSamples.NewRef("V")))).GetProperty("id").GetString()!;
        for (var i = 0; i < 3; i++)
        {
            await ReadRecord.OkAsync(worker, _readRecordId, purpose: null);
        }
        var verification = await Trail.VerifyAsync(_factory.ClientFor(Roles.Auditor));
        Assert.True(verification.GetProperty("intact").GetBoolean(), string.Join("; ", Trail.Problems(verification)));
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        _factory.DeleteData();
    }

    [Fact]
    public async Task AnIndexRowPointingAtAnotherRecordIsDetected()
    {
        await _factory.QueryAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE access_trail SET read_record_id = 'someone-else' WHERE sequence = 2"));

        var problems = await ProblemsAsync();

        Assert.Contains(problems, p => p.StartsWith("Entry 2: the index row differs from its signed record", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADeletedEntryIsDetected()
    {
        await _factory.QueryAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM access_trail WHERE sequence = 2"));

        var problems = await ProblemsAsync();

        Assert.Contains("Entries 2 to 2 are missing.", problems);
        Assert.Contains("Entry 3 does not link to the entry before it.", problems);
        Assert.Contains("1 access records are not in the trail.", problems);
    }

    [Fact]
    public async Task AnAlteredEntryRecordIsDetected()
    {
        await _factory.QueryAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE records SET sealed_envelope = zeroblob(length(sealed_envelope)) WHERE id = (SELECT entry_record_id FROM access_trail WHERE sequence = 1)"));

        var problems = await ProblemsAsync();

        Assert.Contains("Entry 1: its record was altered (it does not open, or does not match its hash).", problems);
    }

    [Fact]
    public async Task TheNewestBatchWhileItsRecordsAreStillBeingAssignedIsNotALoss()
    {
        var last = await _factory.QueryAsync(db => db.AccessTrail.OrderByDescending(e => e.Sequence).FirstAsync());
        await _factory.WaitForStatusAsync(last.EntryHash, "anchored", "confirmed");
        // As the sealer leaves the newest batch between writing it and assigning its records (BatchSealer).
        await _factory.QueryAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE records SET batch_id = NULL WHERE batch_id = (SELECT max(id) FROM anchor_batches)"));

        var verification = await Trail.VerifyAsync(_factory.ClientFor(Roles.Auditor));

        Assert.True(verification.GetProperty("intact").GetBoolean(), string.Join("; ", Trail.Problems(verification)));
    }

    [Fact]
    public async Task AnEntryDeletedWithItsRecordAfterAnchoringIsDetectedByItsBatch()
    {
        var last = await _factory.QueryAsync(db => db.AccessTrail.OrderByDescending(e => e.Sequence).FirstAsync());
        await _factory.WaitForStatusAsync(last.EntryHash, "anchored", "confirmed");
        await _factory.QueryAsync(async db =>
        {
            await db.Database.ExecuteSqlAsync($"DELETE FROM access_trail WHERE sequence = {last.Sequence}");
            return await db.Database.ExecuteSqlAsync($"DELETE FROM records WHERE id = {last.EntryRecordId}");
        });

        var problems = await ProblemsAsync();

        Assert.Contains(problems, p => p.StartsWith("Batch ", StringComparison.Ordinal) && p.Contains("records but"));
    }

    [Fact]
    public async Task AReadThatCannotBeWrittenToTheTrailIsRefused()
    {
        await _factory.QueryAsync(db => db.Database.ExecuteSqlRawAsync(
            "CREATE TRIGGER test_trail_down BEFORE INSERT ON access_trail BEGIN SELECT RAISE(ABORT, 'trail down'); END"));

        var (status, problem) = await ReadRecord.SendAsync(_factory.ClientFor(Roles.CommunityWorker), _readRecordId, purpose: null);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Access trail unavailable", problem.GetProperty("title").GetString());
        Assert.False(problem.TryGetProperty("envelope", out _));
    }

    private async Task<List<string>> ProblemsAsync()
    {
        var verification = await Trail.VerifyAsync(_factory.ClientFor(Roles.Auditor));
        Assert.False(verification.GetProperty("intact").GetBoolean());
        return [.. Trail.Problems(verification)];
    }
}
