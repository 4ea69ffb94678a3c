using System.Text.Json.Nodes;
using Ledger.Api.Records.Writing;
using Ledger.Core.Records.Chains;
using Ledger.Core.Records.Projections;
using Ledger.Data.Correction;
using Ledger.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Correction;

/// <summary>
/// A record of an existing case, in the commit: its chain link is the case's head (read inside the write transaction,
/// after every earlier record of the group was saved, so concurrent submissions for one case still make one chain
/// without gaps); a case that was closed or erased takes no more records; once inserted, the link's index row, and
/// for a case-closed record the case's closing, for a corrected case-opened record its minor flag. A revocation of one of
/// the case's records (<paramref name="revocation"/>) is a link too, and may follow the closing: withdrawing a record
/// issued in error stays possible until retention erases the case.
/// </summary>
internal sealed class CaseChainEffects(string caseId, bool closes, long atMs, bool? minor = null, bool revocation = false) : CommitEffects
{
    /// <summary>The rule refusing a record for a case that is closed (or erased).</summary>
    public const string CaseClosedRule = "case-closed";

    private ChainLink _link = ChainLink.First;

    public override async Task AssignAsync(CommitScope scope, JsonObject payload, CancellationToken ct)
    {
        var head = await scope.Db.CaseChain.AsNoTracking()
            .Where(e => e.CaseId == caseId)
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.RecordHash })
            .FirstAsync(ct);
        _link = new ChainLink(head.Sequence + 1, head.RecordHash);
        payload[ChainLink.Field] = _link.ToJson();
    }

    public override async Task<RuleRefusal?> CheckAsync(CommitScope scope, CancellationToken ct)
    {
        var found = await scope.Db.CorrectionCases.AsNoTracking().Where(c => c.Id == caseId)
            .Select(c => new { c.ClosedAtMs, c.ErasedAtMs, ClosedBy = scope.Db.Records.Where(r => r.Id == c.ClosedRecordId).Select(r => r.RecordHash).FirstOrDefault() })
            .SingleAsync(ct);
        if (found.ErasedAtMs is not null)
        {
            return new RuleRefusal(CaseClosedRule, RefusalKind.Conflict, "Case erased", "This case was closed and its payloads erased; it takes no more records.");
        }
        return found.ClosedAtMs is { } closedAt && !revocation
            ? new RuleRefusal(CaseClosedRule, RefusalKind.Conflict, "Case closed",
                $"This case was closed at {DateTimeOffset.FromUnixTimeMilliseconds(closedAt):O} by the record {found.ClosedBy}; no record follows its closing.")
            : null;
    }

    public override async Task ApplyAsync(CommitScope scope, StoredRecord record, CancellationToken ct)
    {
        scope.Db.CaseChain.Add(Link(caseId, _link, record));
        if (closes)
        {
            await scope.Db.CorrectionCases.Where(c => c.Id == caseId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ClosedAtMs, atMs).SetProperty(c => c.ClosedRecordId, record.Id), ct);
        }
        if (minor is { } isMinor)
        {
            await scope.Db.CorrectionCases.Where(c => c.Id == caseId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Minor, isMinor), ct);
        }
    }

    /// <summary>The index row of <paramref name="record"/> at <paramref name="link"/> in case <paramref name="caseId"/>.</summary>
    public static CaseChainEntry Link(string caseId, ChainLink link, StoredRecord record) => new()
    {
        CaseId = caseId,
        Sequence = link.Sequence,
        RecordId = record.Id,
        RecordHash = record.RecordHash,
        PreviousHash = link.Previous,
    };
}

/// <summary>
/// A case-opened record, in the commit: the first link of a new chain; refused when its jurisdiction already has a
/// case with that reference (checked under the write lock, so of two racing openings one wins; the unique digest
/// stands behind it); once inserted, the case's index row and its first link.
/// </summary>
internal sealed class CaseOpeningEffects(string areaCode, string caseDigest, string openedBy, bool minor, long atMs) : CommitEffects
{
    /// <summary>The rule refusing a second case with one reference in one jurisdiction.</summary>
    public const string CaseExistsRule = "case-exists";

    public override Task AssignAsync(CommitScope scope, JsonObject payload, CancellationToken ct)
    {
        payload[ChainLink.Field] = ChainLink.First.ToJson();
        return Task.CompletedTask;
    }

    public override async Task<RuleRefusal?> CheckAsync(CommitScope scope, CancellationToken ct) =>
        await scope.Db.CorrectionCases.AsNoTracking().AnyAsync(c => c.CaseDigest == caseDigest, ct)
            ? new RuleRefusal(CaseExistsRule, RefusalKind.Conflict, "Case exists",
                "Your jurisdiction already has a case with this reference; a case reference names one case, open or closed.")
            : null;

    public override Task ApplyAsync(CommitScope scope, StoredRecord record, CancellationToken ct)
    {
        scope.Db.CorrectionCases.Add(new CorrectionCase
        {
            Id = record.Id,
            AreaCode = areaCode,
            CaseDigest = caseDigest,
            OpenedBy = openedBy,
            Minor = minor,
            OpenedAtMs = atMs,
        });
        scope.Db.CaseChain.Add(CaseChainEffects.Link(record.Id, ChainLink.First, record));
        return Task.CompletedTask;
    }
}
