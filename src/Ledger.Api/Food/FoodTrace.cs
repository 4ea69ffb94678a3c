using Ledger.Core.Epcis;
using Ledger.Core.Proofs;
using Ledger.Data;
using Ledger.Data.Epcis;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Food;

/// <summary>Which way a trace goes: to every upstream source, or to every downstream place.</summary>
public enum TraceDirection
{
    Backward,
    Forward,
}

/// <summary>One event of a trace.</summary>
public sealed record TracedEvent(string EventHashId, string RecordHash, string RecordId, string EventType, string? BizStep,
    DateTimeOffset EventTime, string? BizLocation, IReadOnlyList<string> Inputs, IReadOnlyList<string> Outputs, string Status)
{
    /// <summary>The organisation that captured it: whose staff may read it.</summary>
    public required string Issuer { get; init; }
}

/// <summary>What a trace reached: identifiers (lots and instances), places and events, in event-time order.</summary>
public sealed record TraceGraph(string Root, IReadOnlyList<string> Identifiers, IReadOnlyList<string> Locations, IReadOnlyList<TracedEvent> Events, bool DepthLimited);

/// <summary>
/// Walks the EPCIS index from one identifier, level by level (one query per level, not per identifier), to every
/// identifier linked to it: a transformation links its inputs to its outputs in the direction of the trace; an
/// aggregation links a container and its contents both ways (what travelled in a pallet went where the pallet went);
/// object and transaction events (shipping, receiving) add their places. Each identifier is visited once, so cycles end;
/// <c>depth</c> bounds the number of links followed. Revoked events (corrected by an error declaration) do not link.
/// </summary>
internal sealed class FoodTrace(LedgerDbContext db)
{
    private static readonly string[] InputRoles = [EpcisIdentifierRoles.Input, EpcisIdentifierRoles.InputQuantity];
    private static readonly string[] OutputRoles = [EpcisIdentifierRoles.Output, EpcisIdentifierRoles.OutputQuantity];
    private static readonly string[] ContainerRoles = [EpcisIdentifierRoles.Parent];
    private static readonly string[] ContentRoles = [EpcisIdentifierRoles.Child, EpcisIdentifierRoles.ChildQuantity];

    /// <summary>The canonical form of <paramref name="epc"/> if the index holds it; null when no event names it.</summary>
    public async Task<string?> FindAsync(string epc, CancellationToken ct)
    {
        var canonical = Gs1Identifier.TryParse(epc.Trim())?.Canonical ?? epc.Trim();
        return await db.EpcisEventIdentifiers.AnyAsync(i => i.Identifier == canonical, ct) ? canonical : null;
    }

    /// <summary>The trace from <paramref name="root"/> (canonical, known to the index).</summary>
    public async Task<TraceGraph> WalkAsync(string root, TraceDirection direction, int depth, CancellationToken ct)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal) { root };
        var events = new Dictionary<string, List<(string Role, string Identifier)>>(StringComparer.Ordinal);
        var frontier = new List<string> { root };
        var limited = false;
        for (var level = 0; frontier.Count > 0; level++)
        {
            var naming = await EventsNamingAsync(frontier, events, ct);
            var next = new List<string>();
            // An event seen at an earlier level is looked at again: a newly reached identifier may link through it
            // (a pallet reached from one of its contents leads to the others).
            foreach (var recordId in naming)
            {
                foreach (var linked in Linked(events[recordId], frontier, direction))
                {
                    if (!reached.Contains(linked))
                    {
                        if (level >= depth)
                        {
                            limited = true;
                            continue;
                        }
                        reached.Add(linked);
                        next.Add(linked);
                    }
                }
            }
            frontier = next;
        }
        var traced = await DescribeAsync(events, ct);
        var locations = traced.Select(e => e.BizLocation).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new TraceGraph(root, [.. reached.Order(StringComparer.Ordinal)], locations, traced, limited);
    }

    // The standing events that name any frontier identifier; the identifier rows of those not seen before are added
    // to <paramref name="events"/>.
    private async Task<List<string>> EventsNamingAsync(List<string> frontier, Dictionary<string, List<(string Role, string Identifier)>> events, CancellationToken ct)
    {
        var naming = new List<string>();
        foreach (var chunk in frontier.Chunk(500))
        {
            var ids = chunk.ToList();
            var recordIds = await db.EpcisEventIdentifiers.AsNoTracking()
                .Where(i => ids.Contains(i.Identifier))
                .Select(i => i.RecordId).Distinct()
                .Where(r => !db.Revocations.Any(v => v.RevokedRecordId == r))
                .Where(r => !db.EpcisEvents.Any(e => e.RecordId == r && e.DeclaresError))
                .ToListAsync(ct);
            naming.AddRange(recordIds);
            foreach (var unseen in recordIds.Where(r => !events.ContainsKey(r)).Chunk(500))
            {
                var list = unseen.ToList();
                var rows = await db.EpcisEventIdentifiers.AsNoTracking().Where(i => list.Contains(i.RecordId)).ToListAsync(ct);
                foreach (var group in rows.GroupBy(r => r.RecordId))
                {
                    events[group.Key] = [.. group.Select(r => (r.Role, r.Identifier))];
                }
            }
        }
        return [.. naming.Distinct(StringComparer.Ordinal)];
    }

    // The identifiers an event links to those of the frontier it names, in the trace's direction.
    private static IEnumerable<string> Linked(List<(string Role, string Identifier)> identifiers, List<string> frontier, TraceDirection direction)
    {
        var named = identifiers.Where(i => frontier.Contains(i.Identifier)).Select(i => i.Role).ToHashSet(StringComparer.Ordinal);
        var (from, to) = direction == TraceDirection.Backward ? (OutputRoles, InputRoles) : (InputRoles, OutputRoles);
        if (named.Overlaps(from))
        {
            foreach (var i in identifiers.Where(i => to.Contains(i.Role)))
            {
                yield return i.Identifier;
            }
        }
        if (named.Overlaps(ContentRoles))
        {
            foreach (var i in identifiers.Where(i => ContainerRoles.Contains(i.Role)))
            {
                yield return i.Identifier;
            }
        }
        if (named.Overlaps(ContainerRoles))
        {
            foreach (var i in identifiers.Where(i => ContentRoles.Contains(i.Role)))
            {
                yield return i.Identifier;
            }
        }
    }

    private async Task<List<TracedEvent>> DescribeAsync(Dictionary<string, List<(string Role, string Identifier)>> events, CancellationToken ct)
    {
        var traced = new List<TracedEvent>(events.Count);
        foreach (var chunk in events.Keys.Chunk(500))
        {
            var ids = chunk.ToList();
            var rows = await db.EpcisEvents.AsNoTracking().Where(e => ids.Contains(e.RecordId))
                .Join(db.Records, e => e.RecordId, r => r.Id, (e, r) => new { Event = e, r.RecordHash, r.Status, r.ErasedAtMs, r.Issuer })
                .ToListAsync(ct);
            var revoked = await db.Revocations.AsNoTracking().Where(v => ids.Contains(v.RevokedRecordId)).Select(v => v.RevokedRecordId).ToListAsync(ct);
            var superseded = await db.Supersessions.AsNoTracking().Where(s => ids.Contains(s.SupersededRecordId)).Select(s => s.SupersededRecordId).ToListAsync(ct);
            foreach (var row in rows)
            {
                var e = row.Event;
                var identifiers = events[e.RecordId];
                var inputs = identifiers.Where(i => InputRoles.Contains(i.Role)).Select(i => i.Identifier).ToList();
                var outputs = identifiers.Where(i => !InputRoles.Contains(i.Role)).Select(i => i.Identifier).ToList();
                var status = row.ErasedAtMs is not null ? RecordStatus.Erased
                    : revoked.Contains(e.RecordId) ? RecordStatus.Revoked
                    : superseded.Contains(e.RecordId) ? RecordStatus.Superseded
                    : row.Status;
                traced.Add(new TracedEvent(e.EventHashId, row.RecordHash, e.RecordId, e.EventType, e.BizStep,
                    DateTimeOffset.FromUnixTimeMilliseconds(e.EventTimeMs), e.BizLocation, inputs, outputs, status) { Issuer = row.Issuer });
            }
        }
        return [.. traced.OrderBy(e => e.EventTime).ThenBy(e => e.RecordId, StringComparer.Ordinal)];
    }
}
