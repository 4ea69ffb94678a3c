using Ledger.Core.Epcis;
using Ledger.Core.Proofs;
using Ledger.Data;
using Ledger.Data.Anchoring;
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

/// <summary>What a trace reached: identifiers (lots and instances) with the number of links from the root, places and events, in event-time order.</summary>
public sealed record TraceGraph(string Root, IReadOnlyList<string> Identifiers, IReadOnlyList<string> Locations, IReadOnlyList<TracedEvent> Events, bool DepthLimited)
{
    /// <summary>How many links each identifier is from the root (the root is 0).</summary>
    public IReadOnlyDictionary<string, int> Depths { get; init; } = new Dictionary<string, int>();
}

/// <summary>
/// Walks the EPCIS index from one identifier to every identifier linked to it: a transformation links its inputs to its
/// outputs in the direction of the trace; an aggregation links a container and its contents both ways (what travelled
/// in a pallet went where the pallet went); object and transaction events (shipping, receiving) add their places.
/// <para>
/// Paths respect time. Each identifier reached carries a bound: going forward, the time it was reached (the earliest
/// over all paths), and only its events at or after that time count; going backward, the latest time it can have
/// contributed, and only its events at or before it count. The root is unbounded: every event of the traced lot is in
/// its trace. A transformation at time t bounds what it links at t (an input cannot be in an output made before it
/// arrived). An aggregation going forward bounds the container or contents it reaches at its time; going backward it
/// passes the bound on unchanged, because a container carries its contents' history for as long as they are traced
/// (the pallet's later shipping is the lot's own movement). A disaggregation (<c>DELETE</c>) closes a content's stay in
/// its container: forward, a container reached from contents counts only until they were taken out; backward, a
/// container's contents taken out before it began to matter (before the content that reached it was put in, or before
/// it was put into the container that reached it) are not followed. So a reused returnable container joins neither
/// its earlier loads to its later ones nor the other way round.
/// </para>
/// One query per round for the identifiers not yet looked up (never per identifier), and one for the containers their
/// contents were put in (to read their disaggregations); an identifier whose bound widens is looked at again in memory,
/// so cycles end (bounds only widen, over a finite set of event times); <c>depth</c> bounds the links followed. Revoked
/// events (corrected by an error declaration) do not link.
/// </summary>
internal sealed class FoodTrace(LedgerDbContext db)
{
    private static readonly string[] InputRoles = [EpcisIdentifierRoles.Input, EpcisIdentifierRoles.InputQuantity];
    private static readonly string[] OutputRoles = [EpcisIdentifierRoles.Output, EpcisIdentifierRoles.OutputQuantity];
    private static readonly string[] ContainerRoles = [EpcisIdentifierRoles.Parent];
    private static readonly string[] ContentRoles = [EpcisIdentifierRoles.Child, EpcisIdentifierRoles.ChildQuantity];

    private sealed record IndexedEvent(string RecordId, long TimeMs, string? Action, List<(string Role, string Identifier)> Identifiers);

    // Which events of an identifier count. Forward: those from From to Until (Until is finite only for a container
    // reached from contents that were later taken out of it). Backward: those up to Until; From is the time from which
    // the identifier, as a container, matters: contents taken out of it before then are not followed.
    private readonly record struct Window(long From, long Until)
    {
        public static readonly Window All = new(long.MinValue, long.MaxValue);

        public Window Hull(Window other) => new(Math.Min(From, other.From), Math.Max(Until, other.Until));
    }

    /// <summary>The canonical form of <paramref name="epc"/> if the index holds it; null when no event names it.</summary>
    public async Task<string?> FindAsync(string epc, CancellationToken ct)
    {
        var canonical = Canonical(epc);
        return await db.EpcisEventIdentifiers.AnyAsync(i => i.Identifier == canonical, ct) ? canonical : null;
    }

    /// <summary>The canonical form the index keys identifiers by: a GS1 key as a Digital Link URI, anything else trimmed.</summary>
    public static string Canonical(string epc) => Gs1Identifier.TryParse(epc.Trim())?.Canonical ?? epc.Trim();

    /// <summary>The trace from <paramref name="root"/> (canonical, known to the index).</summary>
    public async Task<TraceGraph> WalkAsync(string root, TraceDirection direction, int depth, CancellationToken ct)
    {
        var forward = direction == TraceDirection.Forward;
        var bound = new Dictionary<string, Window>(StringComparer.Ordinal) { [root] = Window.All };
        var depths = new Dictionary<string, int>(StringComparer.Ordinal) { [root] = 0 };
        var naming = new Dictionary<string, List<IndexedEvent>>(StringComparer.Ordinal);
        var events = new Dictionary<string, IndexedEvent>(StringComparer.Ordinal);
        var frontier = new HashSet<string>(StringComparer.Ordinal) { root };
        var limited = false;
        var stays = new Stays(naming);
        while (frontier.Count > 0)
        {
            await LookUpAsync([.. frontier.Where(i => !naming.ContainsKey(i))], naming, events, ct);
            // The containers the frontier's contents were put in: a link to one ends at its disaggregation, read from its events.
            await LookUpAsync([.. frontier.SelectMany(i => naming[i].Where(e => Names(e, i, ContentRoles)))
                .SelectMany(e => e.Identifiers.Where(x => ContainerRoles.Contains(x.Role)).Select(x => x.Identifier))
                .Where(c => !naming.ContainsKey(c)).Distinct(StringComparer.Ordinal)], naming, events, ct);
            var next = new HashSet<string>(StringComparer.Ordinal);
            foreach (var identifier in frontier)
            {
                foreach (var e in naming[identifier].Where(e => Within(e.TimeMs, bound[identifier], forward)))
                {
                    foreach (var (linked, reached) in Linked(e, identifier, bound[identifier], direction, stays))
                    {
                        if (!bound.TryGetValue(linked, out var known))
                        {
                            if (depths[identifier] >= depth)
                            {
                                limited = true;
                                continue;
                            }
                            bound[linked] = reached;
                            depths[linked] = depths[identifier] + 1;
                            next.Add(linked);
                        }
                        else if (known.Hull(reached) is var wider && wider != known)
                        {
                            bound[linked] = wider;
                            // Going backward, an earlier From matters only to a container that had contents taken out
                            // (one whose events are not read yet was reached in this round and is in next already).
                            if (forward || wider.Until != known.Until || (naming.ContainsKey(linked) && stays.Disaggregations(linked).Count > 0))
                            {
                                depths[linked] = Math.Min(depths[linked], depths[identifier] + 1);
                                next.Add(linked);
                            }
                        }
                    }
                }
            }
            frontier = next;
        }
        var shown = bound.SelectMany(b => naming[b.Key].Where(e => Within(e.TimeMs, b.Value, forward)))
            .Select(e => e.RecordId).ToHashSet(StringComparer.Ordinal);
        var traced = await DescribeAsync(shown.Select(id => events[id]).ToList(), ct);
        var locations = traced.Select(e => e.BizLocation).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new TraceGraph(root, [.. bound.Keys.Order(StringComparer.Ordinal)], locations, traced, limited) { Depths = depths };
    }

    private static bool Within(long timeMs, Window window, bool forward) =>
        timeMs <= window.Until && (!forward || timeMs >= window.From);

    // The standing events naming each of <paramref name="identifiers"/>, with every identifier they name; an event
    // already read is not read again.
    private async Task LookUpAsync(List<string> identifiers, Dictionary<string, List<IndexedEvent>> naming, Dictionary<string, IndexedEvent> events, CancellationToken ct)
    {
        foreach (var identifier in identifiers)
        {
            naming[identifier] = [];
        }
        foreach (var chunk in identifiers.Chunk(500))
        {
            var ids = chunk.ToList();
            var hits = await db.EpcisEventIdentifiers.AsNoTracking()
                .Where(i => ids.Contains(i.Identifier))
                .Join(db.EpcisEvents, i => i.RecordId, e => e.RecordId, (i, e) => new { i.Identifier, i.RecordId, e.EventTimeMs, e.Action, e.DeclaresError })
                .Where(h => !h.DeclaresError && !db.Revocations.Any(v => v.RevokedRecordId == h.RecordId))
                .ToListAsync(ct);
            var times = new Dictionary<string, (long TimeMs, string? Action)>(StringComparer.Ordinal);
            foreach (var hit in hits)
            {
                times[hit.RecordId] = (hit.EventTimeMs, hit.Action);
            }
            var unseen = times.Keys.Where(r => !events.ContainsKey(r)).ToList();
            foreach (var part in unseen.Chunk(500))
            {
                var list = part.ToList();
                var rows = await db.EpcisEventIdentifiers.AsNoTracking().Where(i => list.Contains(i.RecordId))
                    .Select(i => new { i.RecordId, i.Role, i.Identifier }).ToListAsync(ct);
                foreach (var group in rows.GroupBy(r => r.RecordId))
                {
                    events[group.Key] = new IndexedEvent(group.Key, times[group.Key].TimeMs, times[group.Key].Action, [.. group.Select(r => (r.Role, r.Identifier))]);
                }
            }
            foreach (var hit in hits.DistinctBy(h => (h.Identifier, h.RecordId)))
            {
                naming[hit.Identifier].Add(events[hit.RecordId]);
            }
        }
    }

    // The identifiers <paramref name="e"/> links to <paramref name="identifier"/> in the trace's direction, each with
    // the window it gets there. A container holds each of its contents from the aggregation that put it in until the
    // first later disaggregation (DELETE) that takes it, or everything, out: forward, a container reached from its
    // contents counts only until they left it; backward, a container's contents are followed only if they were still
    // in it when it began to matter (a returnable container's earlier loads are not what it carried later).
    private static IEnumerable<(string Identifier, Window Window)> Linked(IndexedEvent e, string identifier, Window window, TraceDirection direction, Stays stays)
    {
        var forward = direction == TraceDirection.Forward;
        var named = e.Identifiers.Where(i => i.Identifier == identifier).Select(i => i.Role).ToHashSet(StringComparer.Ordinal);
        var (from, to) = forward ? (InputRoles, OutputRoles) : (OutputRoles, InputRoles);
        if (named.Overlaps(from))
        {
            foreach (var i in e.Identifiers.Where(i => to.Contains(i.Role)))
            {
                yield return (i.Identifier, forward ? new Window(e.TimeMs, long.MaxValue) : new Window(long.MinValue, e.TimeMs));
            }
        }
        if (named.Overlaps(ContentRoles))
        {
            foreach (var i in e.Identifiers.Where(i => ContainerRoles.Contains(i.Role)))
            {
                var until = stays.HeldUntil(e, i.Identifier, identifier);
                yield return (i.Identifier, forward ? new Window(e.TimeMs, until) : new Window(e.TimeMs, Math.Min(window.Until, until)));
            }
        }
        if (named.Overlaps(ContainerRoles))
        {
            foreach (var i in e.Identifiers.Where(i => ContentRoles.Contains(i.Role)))
            {
                if (forward)
                {
                    yield return (i.Identifier, new Window(e.TimeMs, long.MaxValue));
                }
                else if (stays.HeldUntil(e, identifier, i.Identifier) >= window.From)
                {
                    yield return (i.Identifier, new Window(e.TimeMs, window.Until));
                }
            }
        }
    }

    private static bool Names(IndexedEvent e, string identifier, string[] roles) =>
        e.Identifiers.Any(i => i.Identifier == identifier && roles.Contains(i.Role));

    // How long contents stayed in their containers, from the containers' disaggregations (read once per container, in
    // time order, from the events naming it; a container's events are all read before it is asked about).
    private sealed class Stays(Dictionary<string, List<IndexedEvent>> naming)
    {
        private readonly Dictionary<string, List<IndexedEvent>> _disaggregations = new(StringComparer.Ordinal);

        public List<IndexedEvent> Disaggregations(string container)
        {
            if (!_disaggregations.TryGetValue(container, out var list))
            {
                list = [.. naming[container].Where(d => d.Action == "DELETE" && Names(d, container, ContainerRoles)).OrderBy(d => d.TimeMs)];
                _disaggregations[container] = list;
            }
            return list;
        }

        // Until when <paramref name="container"/> held <paramref name="content"/> after aggregation <paramref name="e"/>:
        // the time of the first disaggregation strictly after it that takes the content out (naming it, or naming no
        // contents, which is all of them), or forever. One at the same time does not close it: equal times are
        // ambiguous, and leaving the stay open can only over-include.
        public long HeldUntil(IndexedEvent e, string container, string content)
        {
            if (e.Action == "DELETE")
            {
                return e.TimeMs;
            }
            var list = Disaggregations(container);
            var lo = 0;
            var hi = list.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                (lo, hi) = list[mid].TimeMs <= e.TimeMs ? (mid + 1, hi) : (lo, mid);
            }
            for (var i = lo; i < list.Count; i++)
            {
                if (Names(list[i], content, ContentRoles) || !list[i].Identifiers.Any(x => ContentRoles.Contains(x.Role)))
                {
                    return list[i].TimeMs;
                }
            }
            return long.MaxValue;
        }
    }

    private async Task<List<TracedEvent>> DescribeAsync(List<IndexedEvent> events, CancellationToken ct)
    {
        var traced = new List<TracedEvent>(events.Count);
        foreach (var chunk in events.Chunk(500))
        {
            var ids = chunk.Select(e => e.RecordId).ToList();
            var byId = chunk.ToDictionary(e => e.RecordId, StringComparer.Ordinal);
            var rows = await db.EpcisEvents.AsNoTracking().Where(e => ids.Contains(e.RecordId))
                .Join(db.Records, e => e.RecordId, r => r.Id, (e, r) => new
                {
                    Event = e, r.RecordHash, r.ErasedAtMs, r.Issuer,
                    BatchState = db.Batches.Where(b => b.Id == r.BatchId).Select(b => b.State).FirstOrDefault(),
                })
                .ToListAsync(ct);
            var revoked = (await db.Revocations.AsNoTracking().Where(v => ids.Contains(v.RevokedRecordId)).Select(v => v.RevokedRecordId).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            var superseded = (await db.Supersessions.AsNoTracking().Where(s => ids.Contains(s.SupersededRecordId)).Select(s => s.SupersededRecordId).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            foreach (var row in rows)
            {
                var e = row.Event;
                var identifiers = byId[e.RecordId].Identifiers;
                var inputs = identifiers.Where(i => InputRoles.Contains(i.Role)).Select(i => i.Identifier).ToList();
                var outputs = identifiers.Where(i => !InputRoles.Contains(i.Role)).Select(i => i.Identifier).ToList();
                var status = row.ErasedAtMs is not null ? RecordStatus.Erased
                    : revoked.Contains(e.RecordId) ? RecordStatus.Revoked
                    : superseded.Contains(e.RecordId) ? RecordStatus.Superseded
                    : BatchState.RecordStatus(row.BatchState);
                traced.Add(new TracedEvent(e.EventHashId, row.RecordHash, e.RecordId, e.EventType, e.BizStep,
                    DateTimeOffset.FromUnixTimeMilliseconds(e.EventTimeMs), e.BizLocation, inputs, outputs, status) { Issuer = row.Issuer });
            }
        }
        return [.. traced.OrderBy(e => e.EventTime).ThenBy(e => e.RecordId, StringComparer.Ordinal)];
    }
}
