using System.Text.Json.Nodes;
using Ledger.Core.Epcis;
using Ledger.Data;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Food;

/// <summary>A failed rapid test on a lot a trace reached.</summary>
public sealed record FailedTest(string RecordHash, string Lot, string Product, string TestItem, string Disposal, string OccurredAt, string Verify);

/// <summary>
/// Failed rapid tests of the lots a trace reached, matched by the test's <c>lotEpc</c> in canonical form. Rapid tests
/// are L1, so their envelopes are stored in clear and the public may see them anyway; corrected or withdrawn results
/// do not flag.
/// </summary>
internal static class FoodFlags
{
    public static async Task<IReadOnlyList<FailedTest>> FailedTestsAsync(LedgerDbContext db, IReadOnlyCollection<string> identifiers, CancellationToken ct)
    {
        var reached = identifiers.ToHashSet(StringComparer.Ordinal);
        var candidates = await db.Records.AsNoTracking()
            .Where(r => r.Domain == "food-safety" && r.Type == "rapid-test" && r.ErasedAtMs == null && r.EnvelopeJson.Contains("\"unqualified\""))
            .Where(r => !db.Revocations.Any(v => v.RevokedRecordId == r.Id) && !db.Supersessions.Any(s => s.SupersededRecordId == r.Id))
            .Select(r => new { r.RecordHash, r.EnvelopeJson, r.OccurredAt })
            .ToListAsync(ct);
        var failed = new List<FailedTest>();
        foreach (var c in candidates)
        {
            var payload = JsonNode.Parse(c.EnvelopeJson)!["payload"]!;
            if (payload["result"]?.GetValue<string>() == "unqualified"
                && payload["lotEpc"]?.GetValue<string>() is { } lotEpc
                && Gs1Identifier.TryParse(lotEpc) is { } lot && reached.Contains(lot.Canonical))
            {
                failed.Add(new FailedTest(c.RecordHash, lot.Canonical, payload["product"]!.GetValue<string>(), payload["testItem"]!.GetValue<string>(),
                    payload["disposal"]!.GetValue<string>(), c.OccurredAt, $"/v/{c.RecordHash}"));
            }
        }
        return failed;
    }
}
