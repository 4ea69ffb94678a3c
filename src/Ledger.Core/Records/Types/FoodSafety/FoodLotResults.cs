using System.Text.Json.Nodes;
using Ledger.Core.Epcis;
using Ledger.Core.Records.Projections;

namespace Ledger.Core.Records.Types.FoodSafety;

/// <summary>
/// The <c>food-lot-results</c> projection: every rapid test and inspection that names a GS1 lot (<c>lotEpc</c>), under
/// the lot's canonical form, so a lot's published results are found whichever spelling the result or the reader's link
/// uses (an EPC URN, a Digital Link on any host, a short GTIN). One row per result, keyed
/// <c>"{canonical lot} {record id}"</c>: a canonical Digital Link holds no space, so a lot's rows are one range of the
/// table's primary key. The value says the type and the result. Both types are L1 (public), so the rows reveal nothing
/// the records do not; the SQL cannot compute canonical forms, which is why this is a projection and not an index.
/// </summary>
public static class FoodLotResults
{
    /// <summary>The projection's name, as its rows are stored.</summary>
    public const string Name = "food-lot-results";

    /// <summary>Adds a row for a result that names a lot; nothing for one that does not.</summary>
    public static RecordProjection Projection { get; } = new(Name, ApplyAsync);

    /// <summary>The start of every key under <paramref name="canonicalLot"/>: the lot and one space.</summary>
    public static string KeyPrefix(string canonicalLot) => canonicalLot + " ";

    /// <summary>The first key after every key under <paramref name="canonicalLot"/> ('!' follows the space).</summary>
    public static string KeyEnd(string canonicalLot) => canonicalLot + "!";

    private static Task ApplyAsync(CommittingRecord record, IProjectionState state, CancellationToken ct) =>
        record.Payload["lotEpc"]?.GetValue<string>() is { } text && Gs1Identifier.TryParse(text) is { } lot
            ? state.PutAsync(Name, KeyPrefix(lot.Canonical) + record.RequiredRecordId,
                new JsonObject { ["type"] = record.Definition.Type, ["result"] = record.Payload["result"]?.DeepClone() }, null, ct)
            : Task.CompletedTask;
}
