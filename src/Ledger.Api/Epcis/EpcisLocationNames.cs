using Ledger.Api.Records.Writing;
using Ledger.Data;
using Ledger.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Epcis;

/// <summary>
/// Location names from capture documents' master data (<see cref="Ledger.Core.Epcis.EpcisMasterData"/>): stored in
/// the capture's own commit, per capturing organisation, and read back for an event's place by the organisation that
/// captured the event, so one company's document never renames another's places.
/// </summary>
internal static class EpcisLocationNames
{
    /// <summary>What stores <paramref name="names"/> as <paramref name="organisation"/>'s, in the commit of a capture's first event; null when there are none.</summary>
    public static CommitEffects? Store(IReadOnlyList<(string Identifier, string Name)> names, string organisation, string captureId, long atMs) =>
        names.Count == 0 ? null : new Naming(names, organisation, captureId, atMs);

    /// <summary>The names given to <paramref name="places"/> (canonical identifiers), by place and naming organisation.</summary>
    public static async Task<IReadOnlyDictionary<(string Place, string Organisation), string>> FindAsync(LedgerDbContext db, IEnumerable<string> places, CancellationToken ct)
    {
        var names = new Dictionary<(string, string), string>();
        foreach (var chunk in places.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            var ids = chunk.ToList();
            foreach (var row in await db.EpcisLocationNames.AsNoTracking().Where(n => ids.Contains(n.Identifier)).ToListAsync(ct))
            {
                names[(row.Identifier, row.Organisation)] = row.Name;
            }
        }
        return names;
    }

    /// <summary>The name of <paramref name="e"/>'s place as the organisation that captured it named it, or null.</summary>
    public static string? Of(IReadOnlyDictionary<(string Place, string Organisation), string> names, Food.TracedEvent e) =>
        e.BizLocation is { } place && names.TryGetValue((place, e.Issuer), out var name) ? name : null;

    // Idempotent (an upsert per name), since a commit step may run again after a failed attempt.
    private sealed class Naming(IReadOnlyList<(string Identifier, string Name)> names, string organisation, string captureId, long atMs) : CommitEffects
    {
        public override async Task ApplyAsync(CommitScope scope, StoredRecord record, CancellationToken ct)
        {
            foreach (var (identifier, name) in names)
            {
                await scope.Db.Database.ExecuteSqlAsync($"""
                    INSERT INTO epcis_location_names (identifier, organisation, name, capture_id, named_at_ms)
                    VALUES ({identifier}, {organisation}, {name}, {captureId}, {atMs})
                    ON CONFLICT (identifier, organisation) DO UPDATE SET name = excluded.name, capture_id = excluded.capture_id, named_at_ms = excluded.named_at_ms
                    """, ct);
            }
        }
    }
}
