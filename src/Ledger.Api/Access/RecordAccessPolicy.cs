using Ledger.Core.Records;
using Ledger.Data.Records;

namespace Ledger.Api.Access;

/// <summary>
/// Superseded by <see cref="IAccessPolicy"/>: kept only until <c>RecordsApi</c> asks the policy itself (it needs the
/// issuer's jurisdiction and the stated purpose, which this synchronous check cannot see). Answers with the policy's
/// matrix as far as it can: the record's jurisdiction is taken to be the caller's.
/// </summary>
public static class RecordAccessPolicy
{
    private static readonly AccessPolicy Policy = new();

    /// <summary>Whether the caller may read the record, purpose aside.</summary>
    public static bool CanRead(Caller caller, StoredRecord record) =>
        Policy.Decide(caller, LedgerAction.ReadRecord,
            new RecordFacts(record.Domain, (DataLevel)record.Level, record.Issuer, caller.Jurisdiction ?? ""), "(not asked)").IsAllowed;
}
