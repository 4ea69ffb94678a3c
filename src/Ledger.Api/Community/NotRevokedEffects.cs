using Ledger.Api.Records.Writing;
using Ledger.Core.Records.Projections;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Community;

/// <summary>
/// Refuses a confirmation or an approval, inside the commit, when the entry it confirms or approves has been revoked. A
/// check before the commit could race the revocation; in the commit's transaction the two are ordered, so either the
/// revocation sees the confirmation (and reverses what it made count) or the confirmation sees the revocation.
/// </summary>
internal sealed class NotRevokedEffects(string recordId, string detail) : CommitEffects
{
    /// <summary>The rule's name in the refusal.</summary>
    public const string Rule = "revoked";

    public override async Task<RuleRefusal?> CheckAsync(CommitScope scope, CancellationToken ct) =>
        await scope.Db.Revocations.AsNoTracking().AnyAsync(r => r.RevokedRecordId == recordId, ct)
            ? new RuleRefusal(Rule, RefusalKind.Conflict, "Revoked record", detail)
            : null;
}
