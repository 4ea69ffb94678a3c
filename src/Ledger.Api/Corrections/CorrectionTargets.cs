using Ledger.Api.Access;
using Ledger.Api.Problems;
using Ledger.Api.Records;
using Ledger.Api.Verification;
using Ledger.Core.Proofs;
using Ledger.Core.Records;
using Ledger.Core.Records.Projections;
using Ledger.Data;
using Ledger.Data.Records;

namespace Ledger.Api.Corrections;

/// <summary>
/// Finds the record a correction names in <c>supersedes</c> and refuses what can be refused before the commit: a
/// record the caller may not correct (403, or 404 where they may not learn it exists), one of another type (422), and
/// one already revoked or corrected (409). The commit checks the last again, since another correction may win the race.
/// </summary>
internal sealed class CorrectionTargets(LedgerDbContext db, IRecordFactsReader facts, IAccessPolicy policy)
{
    /// <summary>The detail of a miss, which a record the caller may not learn of repeats word for word.</summary>
    public const string NotFoundDetail = "No record with the hash in 'supersedes' is known here.";

    /// <summary>The record <paramref name="submission"/> corrects, or null when it corrects nothing.</summary>
    /// <remarks>A submission of a type nobody submits corrects nothing here: preparing it reports the unknown type.</remarks>
    public async Task<StoredRecord?> ResolveAsync(SubmitRecordRequest submission, Caller caller, HttpRequest request, CancellationToken ct)
    {
        if (submission.Supersedes is not { } hash || !RecordTypeCatalog.Default.TryGetSubmittable(submission.Domain, submission.Type, out _))
        {
            return null;
        }
        var (target, _) = await RecordLookup.LoadAllowedByHashAsync(hash, LedgerAction.SupersedeRecord, caller, request, db, facts, policy, NotFoundDetail, ct);
        if (target.Domain != submission.Domain || target.Type != submission.Type)
        {
            throw LedgerProblem.Invalid("supersedes",
                $"A correction is a record of the same type as the one it corrects; that record is {target.Domain}/{target.Type}.");
        }
        if (RefusalFor(await RecordStanding.OfAsync(target, db, ct)) is { } refusal)
        {
            throw LedgerProblem.Refused(refusal);
        }
        return target;
    }

    /// <summary>
    /// Why <paramref name="standing"/>'s record can no longer be corrected (409), or null while it stands: a record is
    /// corrected once, and a revoked or erased one not at all. The same words before and inside the commit.
    /// </summary>
    public static RuleRefusal? RefusalFor(RecordStanding standing)
    {
        if (standing.Supersession is { } supersession)
        {
            return new RuleRefusal(SupersessionEffects.AlreadyCorrected, RefusalKind.Conflict, "Already corrected",
                $"This record was corrected at {supersession.SupersededAt:O} by the record {supersession.SupersededBy}; correct that record instead.");
        }
        if (standing.Revocation is { } revocation)
        {
            return new RuleRefusal(SupersessionEffects.NotStanding, RefusalKind.Conflict, "Revoked record",
                $"This record was revoked at {revocation.RevokedAt:O} by the revocation record {revocation.RevokedBy}; a revoked record is not corrected.");
        }
        return standing.Status == RecordStatus.Erased
            ? new RuleRefusal(SupersessionEffects.NotStanding, RefusalKind.Conflict, "Erased record",
                "This record's content was erased; an erased record is not corrected.")
            : null;
    }
}
