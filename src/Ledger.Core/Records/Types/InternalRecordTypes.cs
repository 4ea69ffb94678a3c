using System.Diagnostics.CodeAnalysis;

namespace Ledger.Core.Records.Types;

/// <summary>
/// Record types the service writes about itself — erasures and the access trail — in the domain <c>ledger</c>. They
/// are committed, signed and anchored like any record, but no role submits them: they are absent from
/// <see cref="RecordTypes.All"/>, so the submission endpoint refuses them as unknown.
/// </summary>
public static class InternalRecordTypes
{
    /// <summary>The envelope <c>domain</c> of the service's own records.</summary>
    public const string Domain = "ledger";

    /// <summary>Every internal record type.</summary>
    public static IReadOnlyList<RecordTypeDefinition> All { get; } = [LedgerErasure.Definition, LedgerAccessEntry.Definition];

    /// <summary>Finds an internal type by its envelope <c>domain</c> and <c>type</c>.</summary>
    public static bool TryGet(string domain, string type, [MaybeNullWhen(false)] out RecordTypeDefinition definition)
    {
        definition = All.FirstOrDefault(d => d.Domain == domain && d.Type == type);
        return definition is not null;
    }
}
