using System.Text.Json.Nodes;
using Ledger.Core.Epcis;
using Ledger.Core.Records.Types.FoodSafety;
using Ledger.Data;
using Ledger.Data.Locking;
using Ledger.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Food;

/// <summary>
/// A failed rapid test or inspection on a lot a trace reached. <c>Kind</c> is <c>rapid-test</c> or <c>inspection</c>; for
/// an inspection, <c>TestItem</c> names its failed items and <c>Disposal</c> is empty (an inspection names none).
/// </summary>
public sealed record FailedTest(string RecordHash, string Lot, string Product, string TestItem, string Disposal, string OccurredAt, string Verify, string Kind);

/// <summary>
/// Rapid tests by lot, through the partial indexes of migration 0014, and failed inspections by lot, through 0016's
/// (never a text scan of envelopes). Both types are L1, so their envelopes are stored in clear and the public may see
/// them anyway; corrected, withdrawn or erased results do not flag.
/// </summary>
internal static class FoodFlags
{
    /// <summary>
    /// The failed rapid tests' lots as written and their ids, read through <c>ix_records_failed_rapid_test_lot</c>,
    /// which holds failed tests only. The WHERE clause repeats the index's; on SQLite, INDEXED BY keeps the planner (which has
    /// no statistics to tell the two lot indexes apart) from reading every rapid test instead.
    /// </summary>
    public static string FailedLotsSql(LedgerDbContext db) => $"""
        SELECT id AS "Id", {Field(db, "lotEpc")} AS "Lot" FROM records {(db.Database.IsPostgreSql() ? "" : "INDEXED BY ix_records_failed_rapid_test_lot")}
        WHERE domain = 'food-safety' AND type = 'rapid-test' AND level = 1
          AND {Field(db, "result")} = 'unqualified'
          AND {Field(db, "lotEpc")} IS NOT NULL
        """;

    /// <summary>
    /// The failed inspections' lots as written and their ids (inspection version 3's <c>lotEpc</c>), read through
    /// <c>ix_records_failed_inspection_lot</c> (migration 0016), which holds failed inspections with a lot only.
    /// </summary>
    public static string FailedInspectionLotsSql(LedgerDbContext db) => $"""
        SELECT id AS "Id", {Field(db, "lotEpc")} AS "Lot" FROM records {(db.Database.IsPostgreSql() ? "" : "INDEXED BY ix_records_failed_inspection_lot")}
        WHERE domain = 'food-safety' AND type = 'inspection' AND level = 1
          AND {Field(db, "result")} = 'fail'
          AND {Field(db, "lotEpc")} IS NOT NULL
        """;

    /// <summary>
    /// A payload field of a record's envelope, spelled as migration 0014's index expressions spell it on each provider
    /// (SQLite's <c>json_extract</c>, PostgreSQL's <c>#&gt;&gt;</c> over the text read as jsonb), so the planner uses them.
    /// The SQL is a composite format string (EF's raw-SQL methods format it, parameters or none), so PostgreSQL's path
    /// braces are doubled: the statement the server receives reads <c>'{payload,lotEpc}'</c>, as the index does.
    /// </summary>
    private static string Field(LedgerDbContext db, string path) => db.Database.IsPostgreSql()
        ? $"((envelope_json::jsonb) #>> '{{{{payload,{path.Replace('.', ',')}}}}}')"
        : $"json_extract(envelope_json, '$.payload.{path}')";

    private sealed record LotRow(string Id, string Lot);

    /// <summary>The standing failed rapid tests and inspections whose GS1 lot, in canonical form, is one of <paramref name="identifiers"/>.</summary>
    public static async Task<IReadOnlyList<FailedTest>> FailedTestsAsync(LedgerDbContext db, IReadOnlyCollection<string> identifiers, CancellationToken ct)
    {
        var reached = identifiers.ToHashSet(StringComparer.Ordinal);
        var lots = await db.Database.SqlQueryRaw<LotRow>(FailedLotsSql(db)).ToListAsync(ct);
        lots.AddRange(await db.Database.SqlQueryRaw<LotRow>(FailedInspectionLotsSql(db)).ToListAsync(ct));
        var hits = lots.Select(l => (l.Id, Lot: Gs1Identifier.TryParse(l.Lot)?.Canonical))
            .Where(l => l.Lot is not null && reached.Contains(l.Lot))
            .ToDictionary(l => l.Id, l => l.Lot!, StringComparer.Ordinal);
        var ids = hits.Keys.ToList();
        var records = await Standing(db, db.Records.AsNoTracking().Where(r => ids.Contains(r.Id))).OrderBy(r => r.OccurredAt).ToListAsync(ct);
        return [.. records.Select(r => Failed(r, Payload(r), hits[r.Id]))];
    }

    private static FailedTest Failed(StoredRecord record, JsonObject payload, string lot) => record.Type == "inspection"
        ? new FailedTest(record.RecordHash, lot, Text(payload["product"]), FailedItems(payload), "", record.OccurredAt, $"/v/{record.RecordHash}", "inspection")
        : new FailedTest(record.RecordHash, lot, Text(payload["product"]), Text(payload["testItem"]), Text(payload["disposal"]), record.OccurredAt,
            $"/v/{record.RecordHash}", "rapid-test");

    // The names of an inspection's failed items ("; " between them); none when it lists no items.
    private static string FailedItems(JsonObject payload) => string.Join("; ", (payload["items"] as JsonArray ?? [])
        .OfType<JsonObject>().Where(i => i["result"]?.GetValue<string>() == "fail").Select(i => Text(i["name"])));

    /// <summary>The published rapid tests whose lot is written as {0} or {1}: <c>ix_records_rapid_test_lot</c>.</summary>
    public static string LotTestsSql(LedgerDbContext db) => $$"""
        SELECT * FROM records
        WHERE domain = 'food-safety' AND type = 'rapid-test' AND level = 1
          AND {{Field(db, "lotEpc")}} IN ({0}, {1}) AND erased_at_ms IS NULL
        """;

    /// <summary>The published inspections whose lot is written as {0} or {1}: <c>ix_records_inspection_lot</c> (migration 0016).</summary>
    public static string LotInspectionsSql(LedgerDbContext db) => $$"""
        SELECT * FROM records
        WHERE domain = 'food-safety' AND type = 'inspection' AND level = 1
          AND {{Field(db, "lotEpc")}} IN ({0}, {1}) AND erased_at_ms IS NULL
        """;

    /// <summary>A stall's published rapid tests, stall id {0}: <c>ix_records_rapid_test_stall</c>.</summary>
    public static string StallTestsSql(LedgerDbContext db) => $$"""
        SELECT * FROM records
        WHERE domain = 'food-safety' AND type = 'rapid-test' AND level = 1
          AND {{Field(db, "stall.id")}} = {0} AND erased_at_ms IS NULL
        """;

    /// <summary>
    /// The keys of a lot's rows in the <c>food-lot-results</c> projection: one range of the primary key. PostgreSQL
    /// compares them byte by byte (<c>COLLATE "C"</c>), as SQLite does, whatever the database's collation.
    /// </summary>
    public static string LotResultKeysSql(LedgerDbContext db) => db.Database.IsPostgreSql()
        ? """SELECT key AS "Value" FROM projections WHERE projection = {0} AND key COLLATE "C" >= {1} AND key COLLATE "C" < {2}"""
        : """SELECT key AS "Value" FROM projections WHERE projection = {0} AND key >= {1} AND key < {2}""";

    /// <summary>
    /// The published rapid tests and inspections of a lot, newest first (at most 50): those the
    /// <c>food-lot-results</c> projection holds under its <paramref name="canonical"/> form, whichever spelling they
    /// were written in, and those written exactly as <paramref name="spelling"/> or <paramref name="canonical"/>
    /// (the partial indexes of 0014 and 0016), which finds results stored before the projection until
    /// <c>ledger projections rebuild</c> adds them.
    /// </summary>
    public static async Task<List<StoredRecord>> TestsOfLotAsync(LedgerDbContext db, string spelling, string canonical, CancellationToken ct)
    {
        var prefix = FoodLotResults.KeyPrefix(canonical);
        var keys = await db.Database.SqlQueryRaw<string>(LotResultKeysSql(db), FoodLotResults.Name, prefix, FoodLotResults.KeyEnd(canonical)).ToListAsync(ct);
        var ids = keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Select(k => k[prefix.Length..]).ToList();
        var tests = ids.Count == 0 ? [] : await Latest(db.Records.Where(r => ids.Contains(r.Id) && r.Domain == "food-safety" && r.Level == 1 && r.ErasedAtMs == null)).ToListAsync(ct);
        tests.AddRange(await Latest(db.Records.FromSqlRaw(LotTestsSql(db), spelling, canonical)).ToListAsync(ct));
        tests.AddRange(await Latest(db.Records.FromSqlRaw(LotInspectionsSql(db), spelling, canonical)).ToListAsync(ct));
        return [.. tests.DistinctBy(r => r.Id, StringComparer.Ordinal)
            .OrderByDescending(r => r.OccurredAt, StringComparer.Ordinal).ThenByDescending(r => r.Id, StringComparer.Ordinal).Take(50)];
    }

    private static IQueryable<StoredRecord> Latest(IQueryable<StoredRecord> records) =>
        records.AsNoTracking().OrderByDescending(r => r.OccurredAt).ThenByDescending(r => r.Id).Take(50);

    /// <summary>What an inspection tested: its items' names, "; " between them.</summary>
    public static string ItemNames(JsonObject payload) => string.Join("; ", (payload["items"] as JsonArray ?? []).OfType<JsonObject>().Select(i => Text(i["name"])));

    /// <summary>A stall's latest published rapid tests, newest first.</summary>
    public static Task<List<StoredRecord>> TestsOfStallAsync(LedgerDbContext db, string stallId, int count, CancellationToken ct) =>
        db.Records.FromSqlRaw(StallTestsSql(db), stallId).AsNoTracking().OrderByDescending(r => r.OccurredAt).ThenByDescending(r => r.Id).Take(count).ToListAsync(ct);

    /// <summary>The payload of an L1 record, stored in clear.</summary>
    public static JsonObject Payload(StoredRecord record) => JsonNode.Parse(record.EnvelopeJson)!["payload"]!.AsObject();

    private static IQueryable<StoredRecord> Standing(LedgerDbContext db, IQueryable<StoredRecord> records) =>
        records.Where(r => r.ErasedAtMs == null && !db.Revocations.Any(v => v.RevokedRecordId == r.Id) && !db.Supersessions.Any(s => s.SupersededRecordId == r.Id));

    private static string Text(JsonNode? node) => node?.GetValue<string>() ?? "";
}
