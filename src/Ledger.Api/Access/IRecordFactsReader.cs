using Ledger.Core.Records;
using Ledger.Data.Records;

namespace Ledger.Api.Access;

/// <summary>Builds the <see cref="RecordFacts"/> the policy needs for a stored record.</summary>
public interface IRecordFactsReader
{
    /// <summary>The record's type and level, its issuer, the issuer's jurisdiction and the organisations above it (looked up, not stored on the record).</summary>
    Task<RecordFacts> ForAsync(StoredRecord record, CancellationToken ct);

    /// <summary>The facts of a record about to be submitted by <paramref name="caller"/>: the caller's organisation issues it.</summary>
    static RecordFacts ForSubmission(RecordTypeDefinition definition, Caller caller) =>
        new(definition.Domain, definition.Level, caller.Organisation, caller.Jurisdiction ?? "") { Type = definition.Type };
}
