using Ledger.Api.Access;

namespace Ledger.Api.Records.Writing;

/// <summary>
/// Links a submission of a chained record type (<see cref="Core.Records.RecordTypeVersion.Chained"/>) into its chain:
/// finds the chain it belongs to, refusing what can be refused before the commit, and returns the effects that write
/// its link inside the commit — where the chain's head is read under the write lock, so concurrent submissions to one
/// chain still make one chain without gaps.
/// </summary>
internal interface IChainLinker
{
    /// <summary>The effects that link <paramref name="record"/> (prepared with a draft envelope) into its chain.</summary>
    /// <exception cref="Problems.LedgerProblem">The record belongs to no chain the caller may extend.</exception>
    Task<CommitEffects> LinkAsync(PreparedRecord record, Caller caller, CancellationToken ct);
}
