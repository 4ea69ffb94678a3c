using System.Text.Json.Nodes;
using Ledger.Core.Records.Projections;
using Ledger.Data;
using Ledger.Data.Projections;
using Ledger.Data.Records;

namespace Ledger.Api.Records.Writing;

/// <summary>The commit's transaction as effects see it: the context (with its open transaction) and the projection rows.</summary>
internal sealed record CommitScope(LedgerDbContext Db, ProjectionStore Projections);

/// <summary>
/// What a record of the service's own types does in the commit's transaction besides being inserted, in this order:
/// assign envelope fields that depend on stored state (then the record is built, sealed and signed), check stored
/// state (a refusal stores nothing), and write the rows that go with it. A failed group is retried record by record,
/// so each step may run more than once and must start from the scope alone.
/// </summary>
internal abstract class CommitEffects
{
    /// <summary>Fills payload fields from stored state (e.g. the access trail's previous hash). Runs first.</summary>
    public virtual Task AssignAsync(CommitScope scope, JsonObject payload, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Refuses the record against stored state, or null to let it through. Reads only.</summary>
    public virtual Task<RuleRefusal?> CheckAsync(CommitScope scope, CancellationToken ct) => Task.FromResult<RuleRefusal?>(null);

    /// <summary>Writes the rows that go with the record, once it is inserted.</summary>
    public virtual Task ApplyAsync(CommitScope scope, StoredRecord record, CancellationToken ct) => Task.CompletedTask;

    /// <summary>The effects of <paramref name="first"/> then <paramref name="second"/>, either of which may be null.</summary>
    public static CommitEffects? Both(CommitEffects? first, CommitEffects? second) =>
        first is null ? second : second is null ? first : new Combined(first, second);

    private sealed class Combined(CommitEffects first, CommitEffects second) : CommitEffects
    {
        public override async Task AssignAsync(CommitScope scope, JsonObject payload, CancellationToken ct)
        {
            await first.AssignAsync(scope, payload, ct);
            await second.AssignAsync(scope, payload, ct);
        }

        public override async Task<RuleRefusal?> CheckAsync(CommitScope scope, CancellationToken ct) =>
            await first.CheckAsync(scope, ct) ?? await second.CheckAsync(scope, ct);

        public override async Task ApplyAsync(CommitScope scope, StoredRecord record, CancellationToken ct)
        {
            await first.ApplyAsync(scope, record, ct);
            await second.ApplyAsync(scope, record, ct);
        }
    }
}
