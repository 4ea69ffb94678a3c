using System.Globalization;
using System.Text.Json.Nodes;
using Ledger.Api.Protection;
using Ledger.Api.Verification;
using Ledger.Core.Records;
using Ledger.Core.Records.Types.CommunityCorrection.Compliance;
using Ledger.Data;
using Ledger.Data.Correction;
using Ledger.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Correction;

/// <summary>One record of a case, read for an authorised caller: its link, its row, its envelope (null once erased) and its status.</summary>
/// <param name="Link">Its place in the case's chain.</param>
/// <param name="Row">The stored record.</param>
/// <param name="Envelope">The envelope that was hashed, opened; null when its payload was erased.</param>
/// <param name="Status">What the public verification says of it (superseded, revoked and erased included).</param>
/// <param name="Revoked">Whether it was revoked.</param>
/// <param name="Superseded">Whether a correction replaced it.</param>
internal sealed record CaseRecord(CaseChainEntry Link, StoredRecord Row, JsonObject? Envelope, string Status, bool Revoked, bool Superseded)
{
    /// <summary>Whether it still counts: neither revoked nor replaced by a correction.</summary>
    public bool Stands => !Revoked && !Superseded;
}

/// <summary>Reads a case's records in chain order and opens their envelopes, for the case view, its alerts and its evidence.</summary>
internal sealed class CaseFileReader(LedgerDbContext db, EnvelopeVault vault)
{
    /// <summary>Every record of the case, link 1 first.</summary>
    public async Task<IReadOnlyList<CaseRecord>> ReadAsync(string caseId, CancellationToken ct)
    {
        var links = await db.CaseChain.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.Sequence).ToListAsync(ct);
        var ids = links.Select(l => l.RecordId).ToList();
        var rows = await db.Records.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var revoked = (await db.Revocations.AsNoTracking().Where(r => ids.Contains(r.RevokedRecordId)).Select(r => r.RevokedRecordId).ToListAsync(ct)).ToHashSet();
        var superseded = (await db.Supersessions.AsNoTracking().Where(s => ids.Contains(s.SupersededRecordId)).Select(s => s.SupersededRecordId).ToListAsync(ct)).ToHashSet();
        var batchStates = await AnchoringStatus.BatchStatesAsync(db, rows.Values, ct);
        var records = new List<CaseRecord>(links.Count);
        foreach (var link in links)
        {
            var row = rows[link.RecordId];
            var envelope = await vault.OpenAsync(row, ct) is { } text ? JsonNode.Parse(text)!.AsObject() : null;
            var (isRevoked, isSuperseded) = (revoked.Contains(row.Id), superseded.Contains(row.Id));
            records.Add(new CaseRecord(link, row, envelope, RecordStanding.StatusOf(row, AnchoringStatus.In(batchStates, row), isRevoked, isSuperseded), isRevoked, isSuperseded));
        }
        return records;
    }

    /// <summary>
    /// The case as the compliance engine reads it: the records whose payload can still be read (revocations in the
    /// chain are not duties; they count through <see cref="CaseRecord.Stands"/>).
    /// </summary>
    public static CaseFile ToCaseFile(string caseRef, IEnumerable<CaseRecord> records) => new(caseRef,
        [.. records.Where(r => r.Envelope is not null && r.Row.Domain == RecordDomains.CommunityCorrection).Select(r => new CaseEntry(
            r.Row.RecordHash,
            r.Row.Type,
            DateTimeOffset.Parse(r.Envelope![EnvelopeFields.OccurredAt]!.GetValue<string>(), CultureInfo.InvariantCulture),
            r.Envelope[EnvelopeFields.Payload]!.AsObject(),
            r.Stands))]);
}
