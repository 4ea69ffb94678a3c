namespace Ledger.Testing.Food;

/// <summary>What a trace must reach: identifiers, places and the indexes of the events in it.</summary>
public sealed record ExpectedTrace(IReadOnlySet<string> Identifiers, IReadOnlySet<string> Locations, IReadOnlySet<int> Events);

/// <summary>
/// The trace rule of docs/food-safety.md computed the plain way, independently of the service's walk: every event is
/// looked at again and again until no bound changes (a fixed point over the whole list, no index, no depth limit).
/// A bound is the earliest time an identifier was reached going forward, the latest time it can have contributed going
/// backward; the root is unbounded. Only events within an identifier's bound count for it. A transformation links
/// inputs to outputs (forward) or outputs to inputs (backward) at its time; an aggregation links container and contents
/// both ways, at its time going forward and with the bound unchanged going backward.
/// </summary>
public static class TraceOracle
{
    /// <summary>The trace from <paramref name="root"/>; with <paramref name="respectTime"/> false, every bound is open (to show what time order prunes).</summary>
    public static ExpectedTrace Trace(IReadOnlyList<NetworkEvent> events, string root, bool forward, bool respectTime = true)
    {
        bool Within(long time, long bound) => !respectTime || (forward ? time >= bound : time <= bound);
        var bound = new Dictionary<string, long>(StringComparer.Ordinal) { [root] = forward ? long.MinValue : long.MaxValue };
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var e in events)
            {
                foreach (var (role, id) in e.Ids)
                {
                    if (!bound.TryGetValue(id, out var b) || !Within(e.TimeMs, b))
                    {
                        continue;
                    }
                    foreach (var (linked, reached) in Links(e, role, b, forward))
                    {
                        if (!bound.TryGetValue(linked, out var known) || (forward ? reached < known : reached > known))
                        {
                            bound[linked] = reached;
                            changed = true;
                        }
                    }
                }
            }
        }
        var traced = events.Where(e => e.Ids.Any(i => bound.TryGetValue(i.Id, out var b) && Within(e.TimeMs, b))).ToList();
        return new ExpectedTrace(bound.Keys.ToHashSet(StringComparer.Ordinal), traced.Select(e => e.Location).ToHashSet(StringComparer.Ordinal),
            traced.Select(e => e.Index).ToHashSet());
    }

    private static IEnumerable<(string Id, long Bound)> Links(NetworkEvent e, NetworkRole role, long bound, bool forward)
    {
        var (from, to) = forward ? (NetworkRole.Input, NetworkRole.Output) : (NetworkRole.Output, NetworkRole.Input);
        var carried = forward ? e.TimeMs : bound;
        return role switch
        {
            _ when role == from => e.Ids.Where(i => i.Role == to).Select(i => (i.Id, e.TimeMs)),
            NetworkRole.Child => e.Ids.Where(i => i.Role == NetworkRole.Parent).Select(i => (i.Id, carried)),
            NetworkRole.Parent => e.Ids.Where(i => i.Role == NetworkRole.Child).Select(i => (i.Id, carried)),
            _ => [],
        };
    }
}
