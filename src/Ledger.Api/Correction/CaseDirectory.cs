using System.Security.Claims;
using Ledger.Api.Access;
using Ledger.Api.Audit;
using Ledger.Api.Problems;
using Ledger.Api.Protection;
using Ledger.Core.Records;
using Ledger.Core.Records.Schemas.Formats;
using Ledger.Data;
using Ledger.Data.Correction;
using Ledger.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Correction;

/// <summary>A case an authorised caller reads: its index row, its case-opened record, who reads it and why.</summary>
/// <param name="CaseRef">The reference the caller named it by.</param>
/// <param name="Case">Its index row.</param>
/// <param name="Opened">Its case-opened record, which the access trail names for every read of the case.</param>
/// <param name="Caller">Who reads it.</param>
/// <param name="Purpose">Why (X-Access-Purpose; every case is L4).</param>
internal sealed record CaseAccess(string CaseRef, CorrectionCase Case, StoredRecord Opened, Caller Caller, string Purpose);

/// <summary>
/// Finds a case by its reference for a caller, and lets the one access policy decide as for its case-opened record:
/// the case is looked up in the caller's own jurisdiction only, so an officer elsewhere — or anyone the policy may not
/// tell that it exists — gets the same 404 as for a reference that names no case. Every read is written to the access
/// trail, with its purpose, before anything of the case is answered.
/// </summary>
internal sealed class CaseDirectory(LedgerDbContext db, ProtectionKeys keys, IRecordFactsReader facts, IAccessPolicy policy, AccessTrail trail)
{
    /// <summary>The detail of every 404 about a case, found or not.</summary>
    public const string NotFoundDetail = "No case with this reference is known here.";

    /// <summary>
    /// The case <paramref name="caseRef"/> if the caller may read it, with the read already in the access trail — unless
    /// <paramref name="trailed"/> is false because the caller writes a more telling entry itself (an evidence package's).
    /// </summary>
    public async Task<CaseAccess> ReadAsync(string caseRef, ClaimsPrincipal user, HttpRequest request, CancellationToken ct, bool trailed = true)
    {
        var caller = Caller.From(user);
        var purpose = AccessPurpose.Read(request);
        var found = caller.Jurisdiction is { } area && PseudonymousRef.Problem(caseRef) is null
            ? await db.CorrectionCases.AsNoTracking().SingleOrDefaultAsync(c => c.CaseDigest == CaseKeys.DigestOf(keys, area, caseRef), ct)
            : null;
        var opened = found is null ? null : await db.Records.AsNoTracking().SingleAsync(r => r.Id == found.Id, ct);
        if (opened is null)
        {
            throw LedgerProblem.NotFound(NotFoundDetail);
        }
        policy.Decide(caller, LedgerAction.ReadRecord, await facts.ForAsync(opened, ct), purpose).EnsureAllowed(NotFoundDetail);
        var access = new CaseAccess(caseRef, found!, opened, caller, purpose!);
        if (trailed)
        {
            await trail.AppendBeforeAnsweringAsync(caller, opened, purpose, ct);
        }
        return access;
    }

    /// <summary>
    /// The cases of jurisdiction <paramref name="areaCode"/> that <paramref name="include"/> accepts and the caller may
    /// read, each read written to the access trail; a jurisdiction the caller may not read is a 404, as if it had none.
    /// </summary>
    public async Task<IReadOnlyList<(CorrectionCase Case, StoredRecord Opened)>> ReadJurisdictionAsync(
        string areaCode, Caller caller, string? purpose, Func<CorrectionCase, bool> include, CancellationToken ct)
    {
        var jurisdiction = new RecordFacts(RecordDomains.CommunityCorrection, DataLevel.HighlySensitive, "", areaCode) { Type = Core.Records.Types.CommunityCorrection.CaseTypes.Opened };
        policy.Decide(caller, LedgerAction.ReadRecord, jurisdiction, purpose).EnsureAllowed(NotFoundDetail);
        var cases = await db.CorrectionCases.AsNoTracking()
            .Where(c => c.AreaCode == areaCode && c.ErasedAtMs == null)
            .Join(db.Records.AsNoTracking(), c => c.Id, r => r.Id, (c, r) => new { Case = c, Opened = r })
            .OrderBy(x => x.Case.OpenedAtMs)
            .ToListAsync(ct);
        var readable = new List<(CorrectionCase, StoredRecord)>();
        foreach (var x in cases.Where(x => include(x.Case)))
        {
            if (policy.Decide(caller, LedgerAction.ReadRecord, await facts.ForAsync(x.Opened, ct), purpose).IsAllowed)
            {
                readable.Add((x.Case, x.Opened));
            }
        }
        // One after another: the appends share this request's context, which takes one operation at a time.
        foreach (var (_, opened) in readable)
        {
            await trail.AppendBeforeAnsweringAsync(caller, opened, purpose, ct);
        }
        return readable;
    }
}
