using Ledger.Api.Access;
using Ledger.Api.Problems;
using Ledger.Api.Protection;
using Ledger.Api.Records.Writing;
using Ledger.Core.Records;
using Ledger.Core.Records.Projections;
using Ledger.Core.Records.Types.CommunityCorrection;
using Ledger.Data;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Correction;

/// <summary>
/// Links every community-correction record into its case's completeness chain: a case-opened record starts a case in
/// the submitter's jurisdiction; any other record joins the case its <c>subjectRef</c> names there — a case that
/// must exist (422 otherwise), and a correction stays in the case of the record it corrects (a corrected case-opened
/// record too). Whatever path a record comes by (<c>POST /api/v1/records</c> or the case endpoints), its link is
/// written in the commit.
/// </summary>
internal sealed class CaseChains(LedgerDbContext db, ProtectionKeys keys, TimeProvider time) : IChainLinker
{
    /// <summary>The rule refusing a record for a case reference the jurisdiction has no case for.</summary>
    public const string NoSuchCaseRule = "no-such-case";

    /// <summary>The rule refusing a correction whose subjectRef names another case than the record it corrects.</summary>
    public const string OtherCaseRule = "correction-in-another-case";

    public async Task<CommitEffects> LinkAsync(PreparedRecord record, Caller caller, CancellationToken ct)
    {
        if (record.Definition.Domain != RecordDomains.CommunityCorrection)
        {
            throw new InvalidOperationException($"{record.Definition.Name} is chained, but only community-correction records have chains.");
        }
        var area = caller.Jurisdiction
            ?? throw LedgerProblem.Forbidden("Your organisation is not registered with an area code, and community-correction cases are kept per jurisdiction.");
        var digest = CaseKeys.DigestOf(keys, area, CorrectionPayloads.CaseRefOf(record.Payload));
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var corrects = record.Draft?.Supersedes;
        var opening = record.Definition.Type == CaseTypes.Opened;
        if (opening && corrects is null)
        {
            return new CaseOpeningEffects(area, digest, caller.Organisation, record.Payload["minor"]!.GetValue<bool>(), now);
        }
        var caseId = await db.CorrectionCases.AsNoTracking().Where(c => c.CaseDigest == digest).Select(c => c.Id).SingleOrDefaultAsync(ct)
            ?? throw LedgerProblem.Refused(new RuleRefusal(NoSuchCaseRule, RefusalKind.Unprocessable, "No such case",
                "Your jurisdiction has no case with this reference; open it first with POST /api/v1/correction/cases."));
        if (corrects is not null && !await db.CaseChain.AsNoTracking().AnyAsync(e => e.CaseId == caseId && e.RecordHash == corrects, ct))
        {
            throw LedgerProblem.Refused(new RuleRefusal(OtherCaseRule, RefusalKind.Unprocessable, "Correction of another case",
                "A correction belongs to the case of the record it corrects: its subjectRef must name that case."));
        }
        // A corrected case-opened record joins the case it corrects, and its minor flag is the case's from then on.
        return new CaseChainEffects(caseId, closes: record.Definition.Type == CaseTypes.Closed, now,
            minor: opening ? record.Payload["minor"]!.GetValue<bool>() : null);
    }
}
