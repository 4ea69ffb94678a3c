namespace Ledger.Core.Records.Projections;

/// <summary>
/// Keeps a projection (named rows of state derived from records) up to date: applied to every record of the types
/// that list it, in commit order, inside the commit's transaction and only once the record's rules passed. It must
/// depend on nothing but the records, so <c>ledger projections rebuild</c> can replay them and arrive at the same rows.
/// </summary>
/// <param name="Name">The projection's name, as its rows are stored.</param>
/// <param name="Apply">Updates the rows for one committed record.</param>
public sealed record RecordProjection(string Name, Func<CommittingRecord, IProjectionState, CancellationToken, Task> Apply);
