using System.Diagnostics.CodeAnalysis;
using Ledger.Core.Records.Types;

namespace Ledger.Core.Records;

/// <summary>The catalogue of record types the ledger accepts.</summary>
public static class RecordTypes
{
    /// <summary>Every record type, in a stable order for docs.</summary>
    public static IReadOnlyList<RecordTypeDefinition> All { get; } =
    [
        FoodSafetyInspection.Definition,
        CommunityCorrectionCheckIn.Definition,
        VolunteerService.Definition,
    ];

    /// <summary>Finds a type by its envelope <c>domain</c> and <c>type</c> (exact, case-sensitive).</summary>
    public static bool TryGet(string domain, string type, [MaybeNullWhen(false)] out RecordTypeDefinition definition)
    {
        definition = All.FirstOrDefault(d => d.Domain == domain && d.Type == type);
        return definition is not null;
    }
}
