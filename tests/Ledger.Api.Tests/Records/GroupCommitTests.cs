using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ledger.Api.Access;
using Ledger.Api.Records;
using Ledger.Api.Records.Writing;
using Ledger.Data.Records;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Ledger.Api.Tests.Records;

public sealed class GroupCommitTests(SharedLedger ledger, ITestOutputHelper output) : IClassFixture<SharedLedger>
{
    private readonly LedgerApiFactory _factory = ledger.Factory;

    [Fact]
    public async Task ConcurrentSubmissionsAreAllStoredInFewerTransactionsThanRecords()
    {
        const int count = 200;
        var client = _factory.ClientFor(Roles.Inspector);
        var statistics = _factory.Services.GetRequiredService<IngestStatistics>();
        var run = Guid.NewGuid().ToString("N");
        var (commitsBefore, recordsBefore) = (statistics.Commits, statistics.RecordsCommitted);

        var responses = await Task.WhenAll(Enumerable.Range(0, count)
            .Select(i => client.PostAsJsonAsync("/api/v1/records", Samples.Inspection($"L-{run}-{i}"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var hashes = await Task.WhenAll(responses.Select(async r =>
            (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recordHash").GetString()));
        Assert.Equal(count, hashes.Distinct().Count());
        var stored = await _factory.QueryAsync(db => db.Records.Where(r => hashes.Contains(r.RecordHash)).CountAsync());
        Assert.Equal(count, stored);
        var commits = statistics.Commits - commitsBefore;
        Assert.Equal(count, statistics.RecordsCommitted - recordsBefore);
        output.WriteLine($"{count} concurrent records were committed in {commits} transactions.");
        Assert.True(commits < count, $"{count} records took {commits} transactions; group commit did not group them.");
    }

    [Fact]
    public async Task AnAcceptedRecordIsAlreadyInTheDatabaseFileWhenTheAnswerArrives()
    {
        var accepted = await Samples.SubmitAsync(_factory.ClientFor(Roles.Inspector), Samples.Inspection());

        // A connection of our own, outside the service's pool: it sees only what was committed to the file.
        var path = Path.Combine(_factory.DataDirectory, "ledger.db");
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT record_hash FROM records WHERE id = $id";
        command.Parameters.AddWithValue("$id", accepted.GetProperty("id").GetString());
        Assert.Equal(accepted.GetProperty("recordHash").GetString(), await command.ExecuteScalarAsync() as string);
    }

    [Fact]
    public async Task ARecordThatCannotBeStoredFailsAloneAndItsGroupNeighboursAreStored()
    {
        var statistics = _factory.Services.GetRequiredService<IngestStatistics>();
        var (splitsBefore, failedBefore) = (statistics.GroupsSplit, statistics.RecordsFailed);
        var first = NewRecord();
        // Failure injection: a record whose hash collides with its neighbour's breaks the unique index on record_hash.
        var colliding = WithHash(NewRecord(), first.Sealed!.RecordHash);
        var last = NewRecord();
        var group = new[] { first, colliding, last }.Select(r => new PendingWrite(r)).ToList();

        await _factory.Services.GetRequiredService<GroupCommit>().WriteAsync(group);

        var outcomes = (await Task.WhenAll(group.Select(p => p.Result))).Select(r => r.Outcome);
        Assert.Equal([WriteOutcome.Committed, WriteOutcome.Failed, WriteOutcome.Committed], outcomes);
        var ids = new[] { first, colliding, last }.Select(r => r.Sealed!.Id).ToArray();
        var stored = await _factory.QueryAsync(db => db.Records.Where(r => ids.Contains(r.Id)).Select(r => r.Id).ToListAsync());
        Assert.Equal(new[] { first.Sealed!.Id, last.Sealed!.Id }.Order(), stored.Order());
        Assert.Equal(1, statistics.GroupsSplit - splitsBefore);
        Assert.Equal(1, statistics.RecordsFailed - failedBefore);
    }

    [Fact]
    public void TheWebServerStopsBeforeTheRecordWriterSoRequestsInFlightAreStillCommitted()
    {
        // Hosted services stop in reverse order of registration: the server (which drains requests) must come after.
        var hosted = _factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().Select(s => s.GetType().Name).ToList();

        Assert.True(hosted.IndexOf(nameof(RecordWriter)) < hosted.IndexOf("GenericWebHostService"), string.Join(", ", hosted));
    }

    private PreparedRecord NewRecord() => _factory.Services.GetRequiredService<EnvelopeBuilder>()
        .Prepare(SubmitRecordRequest(), new Caller("test-key", Roles.Inspector, "test-bureau"));

    private static SubmitRecordRequest SubmitRecordRequest()
    {
        var sample = Samples.Inspection("L-" + Guid.NewGuid().ToString("N"));
        return new SubmitRecordRequest("food-safety", "inspection", sample["occurredAt"]!.GetValue<string>(), sample["payload"]!.AsObject());
    }

    private static PreparedRecord WithHash(PreparedRecord prepared, string recordHash) => prepared with { Sealed = WithHash(prepared.Sealed!, recordHash) };

    private static StoredRecord WithHash(StoredRecord r, string recordHash) => new()
    {
        Id = r.Id, Domain = r.Domain, Type = r.Type, Level = r.Level, Issuer = r.Issuer, OccurredAt = r.OccurredAt,
        ReceivedAtMs = r.ReceivedAtMs, EnvelopeJson = r.EnvelopeJson, RecordHash = recordHash, SubmittedBy = r.SubmittedBy,
    };
}
