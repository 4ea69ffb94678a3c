using System.Data;
using System.Data.Common;
using System.Text.Json;
using Ledger.Api.Access;
using Ledger.Api.Epcis;
using Ledger.Api.Records;
using Ledger.Api.Records.Writing;
using Ledger.Core.Epcis;
using Ledger.Core.Records;
using Ledger.Core.Records.Types.FoodSafety.EpcisEvent;
using Ledger.Data;
using Ledger.Data.Epcis;
using Ledger.Data.Locking;
using Ledger.Testing.Food;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Api.Tests.Food;

/// <summary>
/// The generated supply network at the size issue #11 names, 100,000 events, stored in a real SQLite file of a real
/// service once per class. <see cref="CapturedNetwork"/> (10,000 events) covers capture end to end through
/// POST /epcis/capture; this class covers the trace walk and the recall export at the scale, and takes a
/// shorter road into the store, because capture costs about 4 ms of CPU an event (minutes for 100,000).
/// <para>
/// Done as capture does it, by capture's own code: each event's CBV 2.0 hash ID (<see cref="EpcisEventHash"/>, as
/// <see cref="EpcisDocument"/> computes it), its payload (<see cref="EpcisCapture.Payload"/>), its envelope and record
/// hash (<see cref="EnvelopeBuilder.PrepareCaptured"/>), sealing under the issuer's data key and signing
/// (<see cref="CapturedEventSealing"/>), the record rows (<see cref="RecordInserts"/>), and the index rows, derived by
/// <see cref="EpcisEventIndex.Of"/> as <see cref="EpcisEventEffects"/> derives them.
/// </para>
/// <para>
/// Bypassed, and said plainly: the GS1 JSON Schema check of each document (the network's documents pass it in
/// <see cref="CapturedNetwork"/>); the capture queue, and the write queue and group commit with their per-event steps
/// (here one transaction per 10,000 events, and the index rows go in by two prepared statements instead of EF Core's
/// tracked inserts); and anchoring (the worker is off, so the records stay pending; nothing here reads a proof). The
/// answers are checked against <see cref="TraceOracle"/>, which knows nothing of the service's code or tables.
/// </para>
/// </summary>
public sealed class StoredNetwork : IAsyncLifetime, IStoredSupplyNetwork
{
    public const int EventCount = 100_000;

    public LedgerApiFactory Factory { get; } = new(settings: new Dictionary<string, string?> { ["Anchoring:Enabled"] = "false" });

    public SupplyNetwork Network { get; } = SupplyNetwork.Generate(EventCount, seed: 20261130, tag: "515151");

    /// <summary>Each generated event's record hash, by event index.</summary>
    public Dictionary<int, string> RecordHashes { get; } = [];

    /// <summary>Each generated event's CBV 2.0 event hash ID, by event index.</summary>
    public Dictionary<int, string> EventHashIds { get; } = [];

    IReadOnlyDictionary<int, string> IStoredSupplyNetwork.RecordHashes => RecordHashes;

    IReadOnlyDictionary<int, string> IStoredSupplyNetwork.EventHashIds => EventHashIds;

    public async Task InitializeAsync()
    {
        var caller = await Factory.QueryAsync(async db =>
        {
            var key = await db.ApiKeys.AsNoTracking().FirstAsync(k => k.Role == Roles.FoodEnterprise);
            return new Caller(key.Id, key.Role, key.Organisation);
        });
        var offset = 0;
        foreach (var text in Network.Documents(perDocument: 10_000))
        {
            await StoreAsync(text, offset, caller);
            offset += 10_000;
        }
        Assert.Equal(EventCount, RecordHashes.Count);
    }

    // One document of 10,000 events: its events and hash IDs as capture computes them, its records prepared, sealed and
    // signed as capture does, then the records and their index rows written in one transaction.
    private async Task StoreAsync(string text, int offset, Caller caller)
    {
        using var document = JsonDocument.Parse(text);
        var events = Events(document.RootElement);
        var context = EpcisCapture.Context(document.RootElement);
        var captureId = Guid.CreateVersion7().ToString();
        var capturedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var envelopes = Factory.Services.GetRequiredService<EnvelopeBuilder>();
        var prepared = new PreparedRecord[events.Count];
        // The effects are the ones capture attaches; their index rows are written by IndexAsync below, in bulk.
        Parallel.For(0, events.Count, i =>
        {
            var e = events[i];
            prepared[i] = envelopes.PrepareCaptured(FoodSafetyEpcisEvent.Definition, caller, Timestamps.Format(EpcisEventIndex.EventTime(e)),
                EpcisCapture.Payload(e, context), new EpcisEventEffects(e, captureId, caller.Organisation, caller.KeyId, capturedAt));
        });
        await using var scope = Factory.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<CapturedEventSealing>().SealAsync(prepared, CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        await using var tx = await db.Database.BeginWriteTransactionAsync();
        db.EpcisCaptureJobs.Add(new EpcisCaptureJob
        {
            Id = captureId, Status = CaptureStatus.Success, Organisation = caller.Organisation, SubmittedBy = caller.KeyId,
            CreatedAtMs = capturedAt, FinishedAtMs = capturedAt, EventCount = events.Count,
        });
        using (var inserts = new RecordInserts(db))
        {
            foreach (var row in rows)
            {
                inserts.Add(row.Sealed!);
            }
            await inserts.FlushAsync();
        }
        await IndexAsync(db, [.. events.Select((e, i) => EpcisEventIndex.Of(e, rows[i].Sealed!.Id, captureId))]);
        await tx.CommitAsync();
        for (var i = 0; i < events.Count; i++)
        {
            RecordHashes[offset + i] = rows[i].Sealed!.RecordHash;
            EventHashIds[offset + i] = events[i].HashId;
        }
    }

    // The document's events with their CBV 2.0 hash IDs, by the code EpcisDocument.Parse runs after the schema check.
    // The generated network has no error declarations, so no event revokes another (EpcisEventEffects' other work).
    private static List<EpcisEvent> Events(JsonElement root)
    {
        var preHashes = EpcisEventHash.PreHashes(root);
        var events = root.GetProperty("epcisBody").GetProperty("eventList").EnumerateArray()
            .Select((e, i) => new EpcisEvent(i, e.GetProperty("type").GetString()!, e, preHashes[i], EpcisEventHash.FromPreHash(preHashes[i])))
            .ToList();
        Assert.DoesNotContain(events, e => e.IsErrorDeclaration);
        return events;
    }

    // The rows EpcisEventIndex.Of derived, inserted by two prepared statements (EF Core's tracked inserts, which
    // EpcisEventEffects uses, take seconds per 10,000 events: each identifier row reads back its generated id).
    private static async Task IndexAsync(LedgerDbContext db, IReadOnlyList<EpcisEventIndex> indexes)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        using var entry = Command(connection, transaction, """
            INSERT INTO epcis_events (record_id, capture_id, event_hash_id, event_id, event_type, event_time_ms, biz_step, biz_location, action, declares_error)
            VALUES (@record_id, @capture_id, @event_hash_id, @event_id, @event_type, @event_time_ms, @biz_step, @biz_location, @action, @declares_error)
            """);
        using var identifier = Command(connection, transaction,
            "INSERT INTO epcis_event_identifiers (record_id, role, identifier) VALUES (@record_id, @role, @identifier)");
        foreach (var index in indexes)
        {
            var e = index.Entry;
            Bind(entry, e.RecordId, e.CaptureId, e.EventHashId, e.EventId, e.EventType, e.EventTimeMs, e.BizStep, e.BizLocation, e.Action, e.DeclaresError);
            await entry.ExecuteNonQueryAsync();
            foreach (var (role, id) in index.Identifiers)
            {
                Bind(identifier, e.RecordId, role, id);
                await identifier.ExecuteNonQueryAsync();
            }
        }
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var name in System.Text.RegularExpressions.Regex.Matches(sql, "@[a-z_]+").Select(m => m.Value).Distinct())
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            // Typed before Prepare, which PostgreSQL's driver needs: text, but for the time and the flag.
            parameter.DbType = name switch { "@event_time_ms" => DbType.Int64, "@declares_error" => DbType.Boolean, _ => DbType.String };
            command.Parameters.Add(parameter);
        }
        command.Prepare();
        return command;
    }

    private static void Bind(DbCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        Factory.DeleteData();
    }
}

/// <summary>
/// The shared trace checks (<see cref="GeneratedNetworkChecks"/>) on <see cref="StoredNetwork"/> (100,000 events), plus
/// the recall export, against <see cref="TraceOracle"/>.
/// </summary>
public sealed class GeneratedNetworkAtScaleTests(StoredNetwork stored) : GeneratedNetworkChecks(stored), IClassFixture<StoredNetwork>
{
    [Fact]
    public async Task TheRecallCsvHasExactlyOneRowPerEventOfTheOraclesBackwardAndForwardTraces()
    {
        // A brine lot in the middle of the last chain: its recall runs up the chain to the restart and down it to the end.
        var root = Network.ChainLots[^30];
        var expected = TraceOracle.Trace(Network.Events, root, forward: false).Events.Union(TraceOracle.Trace(Network.Events, root, forward: true).Events).ToList();
        Assert.True(expected.Count >= 100, $"the recall reaches {expected.Count} events");

        var rows = await RecallRowsAsync(root);

        Assert.Equal(Sorted(expected.Select(i => stored.RecordHashes[i])), Sorted(rows.Select(r => r[^2])));
        Assert.Equal(Sorted(expected.Select(i => stored.EventHashIds[i])), Sorted(rows.Select(r => r[^3])));
        // Quantities (and purchase orders, where an event has one) come from each record's sealed envelope, opened for
        // the export: they are the generated event's own.
        var byHash = expected.ToDictionary(i => stored.RecordHashes[i]);
        Assert.All(rows, r =>
        {
            using var generated = JsonDocument.Parse(Network.Events[byHash[r[^2]]].Json);
            var json = generated.RootElement;
            Assert.Equal(string.Join("; ", ((string[])["quantityList", "childQuantityList", "inputQuantityList", "outputQuantityList"]).SelectMany(l => Listed(json, l)).Select(q => q.GetProperty("quantity").GetRawText())), r[2]);
            Assert.Equal(string.Join("; ", Listed(json, "bizTransactionList").Select(d => d.GetProperty("bizTransaction").GetString())), r[10]);
        });
    }

    private static IEnumerable<JsonElement> Listed(JsonElement json, string name) =>
        json.TryGetProperty(name, out var list) ? list.EnumerateArray() : [];
}
