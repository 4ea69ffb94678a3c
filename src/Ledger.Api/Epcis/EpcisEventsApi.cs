using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Ledger.Api.Access;
using Ledger.Api.Audit;
using Ledger.Api.Problems;
using Ledger.Api.Protection;
using Ledger.Core.Epcis;
using Ledger.Data;
using Ledger.Data.Epcis;
using Ledger.Data.Records;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Epcis;

/// <summary>
/// EPCIS 2.0 event queries (the GS1 REST binding's <c>/events</c>): the standard filters traceability needs, paged, as
/// EPCIS query documents. Only events the caller may read are returned, and every read is on the access trail.
/// </summary>
internal static class EpcisEventsApi
{
    private const int DefaultPerPage = 30;
    private const int MaxPerPage = 500;
    private const string NotFoundDetail = "No event you may read has that eventID or event hash ID.";

    public static RouteGroupBuilder MapEpcisEventsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/epcis/events").WithTags("EPCIS").RequireAuthorization();
        group.MapGet("/", QueryAsync)
            .WithName("QueryEpcisEvents")
            .WithSummary("Query captured events: eventType, GE_eventTime, LT_eventTime, EQ_bizStep, EQ_bizLocation, MATCH_epc, MATCH_anyEPC, MATCH_epcClass, MATCH_anyEPCClass")
            .WithDescription("Values of one parameter are alternatives, separated by '|'. Identifiers may be EPC URNs or GS1 Digital Link URIs; " +
                "an EPC pattern or a bare GTIN matches every instance of the class. Pages of perPage events (at most 500); the Link header " +
                "(rel=\"next\") and nextPageToken lead to the next page.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("/{eventId}", GetAsync)
            .WithName("GetEpcisEvent")
            .WithSummary("One captured event, by its eventID or its CBV 2.0 event hash ID (URL-encoded)")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Ok<JsonObject>> QueryAsync(HttpRequest request, ClaimsPrincipal user, LedgerDbContext db,
        IAccessPolicy policy, IRecordFactsReader facts, EnvelopeVault vault, AccessTrail trail, CancellationToken ct)
    {
        var query = Filter(db.EpcisEvents.AsNoTracking(), db, request.Query);
        var perPage = PerPage(request.Query["perPage"]);
        if (request.Query["nextPageToken"].ToString() is { Length: > 0 } after)
        {
            query = query.Where(e => string.Compare(e.RecordId, after) > 0);
        }
        var caller = Caller.From(user);
        var purpose = AccessPurpose.Read(request);
        var events = new JsonArray();
        var contexts = new List<JsonNode>();
        string? last = null;
        var more = false;
        // Rows the caller may not read are skipped, so a page is filled from as many rows as it takes.
        while (events.Count < perPage)
        {
            var rows = await query.Where(e => last == null || string.Compare(e.RecordId, last) > 0)
                .OrderBy(e => e.RecordId).Take(perPage + 1)
                .Join(db.Records, e => e.RecordId, r => r.Id, (e, r) => r).ToListAsync(ct);
            foreach (var record in rows)
            {
                if (events.Count == perPage)
                {
                    more = true;
                    break;
                }
                last = record.Id;
                if (await ReadableAsync(record, caller, purpose, policy, facts, vault, trail, ct) is { } payload)
                {
                    AddContext(contexts, payload["context"]);
                    events.Add(payload["event"]!.DeepClone());
                }
            }
            if (more || rows.Count <= perPage)
            {
                break;
            }
        }
        if (more)
        {
            var next = QueryString.Create(request.Query.Where(q => q.Key != "nextPageToken").Append(new("nextPageToken", last)));
            request.HttpContext.Response.Headers.Link = $"<{request.Path}{next}>; rel=\"next\"";
        }
        return TypedResults.Ok(QueryDocument(events, contexts, more ? last : null));
    }

    private static async Task<Ok<JsonObject>> GetAsync(string eventId, HttpRequest request, ClaimsPrincipal user, LedgerDbContext db,
        IAccessPolicy policy, IRecordFactsReader facts, EnvelopeVault vault, AccessTrail trail, CancellationToken ct)
    {
        // Routing leaves %2F escaped in a segment, and a hash ID is full of slashes.
        eventId = Uri.UnescapeDataString(eventId);
        var candidates = await db.EpcisEvents.AsNoTracking()
            .Where(e => e.EventId == eventId || e.EventHashId == eventId)
            .OrderBy(e => e.DeclaresError).ThenBy(e => e.RecordId)
            .Join(db.Records, e => e.RecordId, r => r.Id, (e, r) => r).ToListAsync(ct);
        var caller = Caller.From(user);
        var purpose = AccessPurpose.Read(request);
        foreach (var record in candidates)
        {
            if (await ReadableAsync(record, caller, purpose, policy, facts, vault, trail, ct) is { } payload)
            {
                var contexts = new List<JsonNode>();
                AddContext(contexts, payload["context"]);
                return TypedResults.Ok(QueryDocument(new JsonArray(payload["event"]!.DeepClone()), contexts, null));
            }
        }
        throw LedgerProblem.NotFound(NotFoundDetail);
    }

    private static async Task<JsonObject?> ReadableAsync(StoredRecord record, Caller caller, string? purpose,
        IAccessPolicy policy, IRecordFactsReader facts, EnvelopeVault vault, AccessTrail trail, CancellationToken ct)
    {
        if (!policy.Decide(caller, LedgerAction.ReadRecord, await facts.ForAsync(record, ct), purpose).IsAllowed
            || await vault.OpenAsync(record, ct) is not { } envelope)
        {
            return null;
        }
        if (record.Level > 1)
        {
            await trail.AppendAsync(caller, record, purpose, ct);
        }
        return JsonNode.Parse(envelope)!["payload"]!.AsObject();
    }

    private static IQueryable<EpcisEventEntry> Filter(IQueryable<EpcisEventEntry> query, LedgerDbContext db, IQueryCollection q)
    {
        if (Values(q, "eventType") is { } types)
        {
            foreach (var t in types.Where(t => !EpcisDocument.EventTypes.Contains(t)))
            {
                throw LedgerProblem.InvalidQuery("eventType", $"'{Clip(t)}' is not an EPCIS event type: {string.Join(", ", EpcisDocument.EventTypes)}.");
            }
            query = query.Where(e => types.Contains(e.EventType));
        }
        if (Time(q, "GE_eventTime") is { } from)
        {
            query = query.Where(e => e.EventTimeMs >= from);
        }
        if (Time(q, "LT_eventTime") is { } until)
        {
            query = query.Where(e => e.EventTimeMs < until);
        }
        if (Values(q, "EQ_bizStep") is { } steps)
        {
            var uris = steps.Select(EpcisEventIndex.BizStep).ToList();
            query = query.Where(e => e.BizStep != null && uris.Contains(e.BizStep));
        }
        if (Values(q, "EQ_bizLocation") is { } places)
        {
            var ids = places.Select(EpcisEventIndex.Canonical).ToList();
            query = query.Where(e => e.BizLocation != null && ids.Contains(e.BizLocation));
        }
        query = Matching(query, db, q, "MATCH_epc", [EpcisIdentifierRoles.Epc, EpcisIdentifierRoles.Child]);
        query = Matching(query, db, q, "MATCH_anyEPC", [EpcisIdentifierRoles.Epc, EpcisIdentifierRoles.Child, EpcisIdentifierRoles.Parent, EpcisIdentifierRoles.Input, EpcisIdentifierRoles.Output]);
        query = Matching(query, db, q, "MATCH_epcClass", [EpcisIdentifierRoles.Quantity, EpcisIdentifierRoles.ChildQuantity]);
        return Matching(query, db, q, "MATCH_anyEPCClass",
            [EpcisIdentifierRoles.Quantity, EpcisIdentifierRoles.ChildQuantity, EpcisIdentifierRoles.InputQuantity, EpcisIdentifierRoles.OutputQuantity]);
    }

    // A class (an EPC pattern, a bare GTIN) matches every identifier under it; anything else matches itself.
    private static IQueryable<EpcisEventEntry> Matching(IQueryable<EpcisEventEntry> query, LedgerDbContext db, IQueryCollection q, string name, string[] roles)
    {
        if (Values(q, name) is not { } patterns)
        {
            return query;
        }
        var exact = new List<string>();
        var prefixes = new List<string>();
        foreach (var pattern in patterns)
        {
            var id = Gs1Identifier.TryParse(pattern);
            if (id is { Granularity: Gs1Granularity.Class })
            {
                exact.Add(id.Canonical);
                prefixes.Add(id.Canonical + "/");
            }
            else
            {
                exact.Add(id?.Canonical ?? pattern);
            }
        }
        var matching = db.EpcisEventIdentifiers.Where(i => roles.Contains(i.Role) && exact.Contains(i.Identifier));
        foreach (var prefix in prefixes)
        {
            matching = matching.Union(db.EpcisEventIdentifiers.Where(i => roles.Contains(i.Role) && i.Identifier.StartsWith(prefix)));
        }
        var records = matching.Select(i => i.RecordId);
        return query.Where(e => records.Contains(e.RecordId));
    }

    private static JsonObject QueryDocument(JsonArray events, List<JsonNode> contexts, string? nextPageToken)
    {
        var context = new JsonArray("https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld");
        foreach (var c in contexts.Where(c => c.ToJsonString() != "\"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld\""))
        {
            context.Add(c.DeepClone());
        }
        var document = new JsonObject
        {
            ["@context"] = context,
            ["type"] = "EPCISQueryDocument",
            ["schemaVersion"] = "2.0",
            ["epcisBody"] = new JsonObject
            {
                ["queryResults"] = new JsonObject
                {
                    ["queryName"] = "SimpleEventQuery",
                    ["resultsBody"] = new JsonObject { ["eventList"] = events },
                },
            },
        };
        if (nextPageToken is not null)
        {
            document["nextPageToken"] = nextPageToken;
        }
        return document;
    }

    private static void AddContext(List<JsonNode> contexts, JsonNode? context)
    {
        foreach (var item in context as JsonArray ?? [])
        {
            if (item is not null && !contexts.Any(c => JsonNode.DeepEquals(c, item)))
            {
                contexts.Add(item);
            }
        }
    }

    private static List<string>? Values(IQueryCollection q, string name) =>
        q[name].ToString() is { Length: > 0 } text ? [.. text.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)] : null;

    private static long? Time(IQueryCollection q, string name)
    {
        if (q[name].ToString() is not { Length: > 0 } text)
        {
            return null;
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) && text.Contains('T', StringComparison.Ordinal)
            ? instant.ToUnixTimeMilliseconds()
            : throw LedgerProblem.InvalidQuery(name, "must be an RFC 3339 date-time with its offset, e.g. 2024-04-30T08:00:00+08:00.");
    }

    private static int PerPage(string? text) =>
        string.IsNullOrEmpty(text) ? DefaultPerPage
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MaxPerPage ? n
        : throw LedgerProblem.InvalidQuery("perPage", $"must be a whole number from 1 to {MaxPerPage}.");

    private static string Clip(string text) => text.Length <= 64 ? text : text[..64];
}
