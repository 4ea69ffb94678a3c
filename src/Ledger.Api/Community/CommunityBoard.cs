using System.Text.Json.Nodes;
using Ledger.Core.Records;
using Ledger.Data;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Community;

/// <summary>One line of the community's public page; every line names a record and links to its verify page.</summary>
/// <param name="RecordHash">The record it shows.</param>
/// <param name="Type">Its record type.</param>
/// <param name="At">When the service accepted it.</param>
/// <param name="Payload">Its published payload (L1); null for records whose content is not public (the time bank, L2).</param>
/// <param name="Status">Its anchoring status.</param>
internal sealed record BoardLine(string RecordHash, string Type, DateTimeOffset At, JsonObject? Payload, string Status);

/// <summary>What the public page of a community shows.</summary>
/// <param name="CommunityId">The community's organisation id.</param>
/// <param name="Name">Its registered name.</param>
/// <param name="Fund">The fund's current month.</param>
/// <param name="Balance">The fund's balance now, in yuan.</param>
/// <param name="Lines">Every shared-community record of the community, newest first.</param>
internal sealed record CommunityBoardView(string CommunityId, string Name, FundMonthView Fund, decimal Balance, IReadOnlyList<BoardLine> Lines);

/// <summary>
/// Gathers a community's public page: its fund (L1), proposals, votes, decisions and objections (L1, with their
/// content), and its time-bank records (L2: by hash, type and status only — their hours and pseudonyms are not public).
/// </summary>
internal sealed class CommunityBoard(LedgerDbContext db, FundLedger fund, TimeProvider time)
{
    private const int MaxLines = 500;

    /// <summary>The page's data, or null when no community organisation has this id.</summary>
    public async Task<CommunityBoardView?> ReadAsync(string communityId, CancellationToken ct)
    {
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == communityId, ct);
        if (organisation is null || organisation.Kind != Data.Organisations.OrganisationKinds.Community)
        {
            return null;
        }
        var rows = await db.Records.AsNoTracking()
            .Where(r => r.Issuer == communityId && r.Domain == RecordDomains.SharedCommunity && r.ErasedAtMs == null)
            .OrderByDescending(r => r.ReceivedAtMs)
            .Take(MaxLines)
            .Select(r => new { r.RecordHash, r.Type, r.ReceivedAtMs, r.EnvelopeJson, r.Status })
            .ToListAsync(ct);
        var lines = rows.Select(r => new BoardLine(r.RecordHash, r.Type, DateTimeOffset.FromUnixTimeMilliseconds(r.ReceivedAtMs),
            r.EnvelopeJson.Length == 0 ? null : JsonNode.Parse(r.EnvelopeJson)!["payload"]!.AsObject(), r.Status)).ToList();
        var month = await fund.MonthAsync(communityId, FundLedger.MonthOf(time.GetUtcNow()), ct);
        return new CommunityBoardView(communityId, organisation.Name, month, await fund.BalanceAsync(communityId, ct), lines);
    }
}
