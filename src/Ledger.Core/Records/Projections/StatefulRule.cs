namespace Ledger.Core.Records.Projections;

/// <summary>
/// A rule that depends on what is already stored (a balance may not go negative, one vote per household). The commit
/// runs it inside the transaction that would insert the record, after the records before it in the group, so the
/// check and the write are one step even with concurrent writers.
/// </summary>
/// <param name="Name">Named in the refusal, e.g. <c>balance-not-negative</c>.</param>
/// <param name="Check">Returns null to let the record through, or why not. Reads only; a rule writes nothing.</param>
public sealed record StatefulRule(string Name, Func<CommittingRecord, IProjectionState, CancellationToken, Task<RuleRefusal?>> Check);
