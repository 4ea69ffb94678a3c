using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using Ledger.Api.Access;
using Ledger.Api.Audit;
using Ledger.Api.Epcis;
using Ledger.Api.Protection;
using Ledger.Core.Epcis;
using Ledger.Data;
using Ledger.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Food;

/// <summary>
/// The recall export: every event of a lot's backward and forward trace, one row per event, with the FSMA 204 key data
/// elements an EPCIS event carries (traceability lot code, product, quantity and unit, location, critical tracking
/// event, time, reference document) plus the record hash and where to verify it. UTF-8 with a byte-order mark so
/// spreadsheet programs read the Chinese right; RFC 4180 quoting; every payload read is on the access trail, all the export's entries in one commit; each data key
/// is looked up once for the whole export.
/// </summary>
internal static class FoodRecallCsv
{
    private static readonly string[] Header =
    [
        "Traceability Lot Code", "Product (GTIN)", "Quantity", "Unit of Measure", "Location (GLN)", "Location", "Event Type",
        "Business Step", "Event Date Time (UTC)", "Reference Document Type", "Reference Document Number", "Status",
        "Event Hash ID", "Record Hash", "Verify URL",
    ];

    public static async Task<IResult> WriteAsync(string? epc, HttpRequest request, ClaimsPrincipal user, LedgerDbContext db, IAccessPolicy policy,
        IRecordFactsReader facts, EnvelopeVault vault, AccessTrail trail, TimeProvider time, CancellationToken ct)
    {
        var caller = Caller.From(user);
        var backward = await FoodTraceApi.WalkAsync(epc, TraceDirection.Backward, FoodTraceApi.MaxDepth, caller, db, policy, ct);
        var forward = await FoodTraceApi.WalkAsync(epc, TraceDirection.Forward, FoodTraceApi.MaxDepth, caller, db, policy, ct);
        var events = backward.Events.Concat(forward.Events).DistinctBy(e => e.RecordId)
            .OrderBy(e => e.EventTime).ThenBy(e => e.RecordId, StringComparer.Ordinal).ToList();
        var (shown, _) = await FoodTraceApi.ReadableAsync(events, caller, policy, facts, ct);
        var purpose = AccessPurpose.Read(request);
        var origin = $"{request.Scheme}://{request.Host}";
        var csv = new StringBuilder();
        var opened = new List<StoredRecord>();
        Line(csv, Header);
        var records = new Dictionary<string, StoredRecord>(StringComparer.Ordinal);
        foreach (var chunk in shown.Chunk(500))
        {
            var ids = chunk.Select(e => e.RecordId).ToList();
            foreach (var record in await db.Records.AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(ct))
            {
                records[record.Id] = record;
            }
        }
        var places = await EpcisLocationNames.FindAsync(db, shown.Select(e => e.BizLocation).OfType<string>(), ct);
        // Each data key once, all in one query (per 500 keys), not one query per row: an export's rows share a few
        // keys (one per capturing organisation).
        using (var dataKeys = await vault.KeysForAsync(records.Values, ct))
        {
            foreach (var e in shown)
            {
                var record = records[e.RecordId];
                var payload = Payload(record, vault, dataKeys);
                if (payload is not null && record.Level > 1)
                {
                    opened.Add(record);
                }
                Line(csv, Row(e, payload?["event"] as JsonObject, EpcisLocationNames.Of(places, e), origin));
            }
        }
        // Every payload opened is on the trail before the export is answered, in one commit (one entry per row).
        await trail.AppendAllAsync(caller, opened, purpose, ct);
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        var name = $"recall-{time.GetUtcNow():yyyyMMdd}.csv";
        return Results.File(bytes, "text/csv; charset=utf-8", name);
    }

    private static JsonObject? Payload(StoredRecord record, EnvelopeVault vault, OpenedDataKeys dataKeys) =>
        vault.Open(record, dataKeys) is { } envelope ? JsonNode.Parse(envelope)!["payload"] as JsonObject : null;

    private static string[] Row(TracedEvent e, JsonObject? ev, string? placeName, string origin)
    {
        var quantities = Quantities(ev).ToList();
        var identifiers = e.Outputs.Concat(e.Inputs).Select(Gs1Identifier.TryParse).OfType<Gs1Identifier>().ToList();
        var lots = identifiers.Select(i => i.Lot).OfType<string>().Distinct(StringComparer.Ordinal);
        var gtins = identifiers.Select(i => i.Gtin).OfType<string>().Distinct(StringComparer.Ordinal);
        var documents = (ev?["bizTransactionList"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var gln = e.BizLocation is { } place && Gs1Identifier.TryParse(place) is { PrimaryKey: "414" } location ? location.Canonical : e.BizLocation;
        return
        [
            string.Join("; ", lots), string.Join("; ", gtins),
            string.Join("; ", quantities.Select(q => q.Quantity)), string.Join("; ", quantities.Select(q => q.Unit)),
            gln ?? "", placeName ?? "", e.EventType, e.BizStep is { } step ? step[(step.LastIndexOf('-') + 1)..] : "",
            e.EventTime.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
            string.Join("; ", documents.Select(d => d["type"]?.ToString() ?? "")), string.Join("; ", documents.Select(d => d["bizTransaction"]?.ToString() ?? "")),
            e.Status, e.EventHashId, e.RecordHash, $"{origin}/v/{e.RecordHash}",
        ];
    }

    private static IEnumerable<(string Quantity, string Unit)> Quantities(JsonObject? ev)
    {
        foreach (var list in new[] { "quantityList", "childQuantityList", "inputQuantityList", "outputQuantityList" })
        {
            foreach (var q in (ev?[list] as JsonArray ?? []).OfType<JsonObject>())
            {
                yield return (q["quantity"]?.ToJsonString() ?? "", q["uom"]?.ToString() ?? "");
            }
        }
    }

    // RFC 4180: quote every field that holds a comma, quote, or line break; a leading = + - @ is prefixed with ' so a
    // spreadsheet never runs a value as a formula.
    private static void Line(StringBuilder csv, IEnumerable<string> fields)
    {
        csv.AppendJoin(',', fields.Select(Field));
        csv.Append("\r\n");
    }

    private static string Field(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal))
        {
            value = "'" + value;
        }
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
