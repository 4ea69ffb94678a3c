using System.Text.Json.Nodes;
using Ledger.Api.Paging;
using Ledger.Api.Problems;
using Ledger.Core.Records;
using Ledger.Data;
using Ledger.Data.Anchoring;
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
/// <param name="Lines">One page of the community's shared-community records, newest first.</param>
/// <param name="Older">The cursor of the page of older records; null on the last page.</param>
/// <param name="Newer">The cursor of the page of newer records; null on the first page.</param>
internal sealed record CommunityBoardView(
    string CommunityId, string Name, FundMonthView Fund, decimal Balance, IReadOnlyList<BoardLine> Lines, string? Older, string? Newer);

/// <summary>
/// Gathers a community's public page: its fund (L1), proposals, votes, decisions and objections (L1, with their
/// content), and its time-bank records (L2: by hash, type and status only — their hours and pseudonyms are not public).
/// </summary>
internal sealed class CommunityBoard(LedgerDbContext db, FundLedger fund, TimeProvider time)
{
    /// <summary>The page's data, or null when no community organisation has this id.</summary>
    public async Task<CommunityBoardView?> ReadAsync(string communityId, PageRequest page, CancellationToken ct)
    {
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == communityId, ct);
        if (organisation is null || organisation.Kind != Data.Organisations.OrganisationKinds.Community)
        {
            return null;
        }
        var records = db.Records.AsNoTracking()
            .Where(r => r.Issuer == communityId && r.Domain == RecordDomains.SharedCommunity && r.ErasedAtMs == null);
        var (newer, at, id) = BoardCursor.Read(page.After);
        // Keyset pages on (accepted at, id), newest first; a page of newer records is read oldest first and turned round.
        var rows = await (page.After is null
                ? records.OrderByDescending(r => r.ReceivedAtMs).ThenByDescending(r => r.Id)
                : newer
                    ? records.Where(r => r.ReceivedAtMs > at || (r.ReceivedAtMs == at && string.Compare(r.Id, id) > 0)).OrderBy(r => r.ReceivedAtMs).ThenBy(r => r.Id)
                    : records.Where(r => r.ReceivedAtMs < at || (r.ReceivedAtMs == at && string.Compare(r.Id, id) < 0)).OrderByDescending(r => r.ReceivedAtMs).ThenByDescending(r => r.Id))
            .Take(page.Limit + 1)
            .Select(r => new
            {
                r.Id, r.RecordHash, r.Type, r.ReceivedAtMs, r.EnvelopeJson,
                BatchState = db.Batches.Where(b => b.Id == r.BatchId).Select(b => b.State).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var more = rows.Count > page.Limit;
        rows = newer ? [.. rows.Take(page.Limit).Reverse()] : [.. rows.Take(page.Limit)];
        var lines = rows.Select(r => new BoardLine(r.RecordHash, r.Type, DateTimeOffset.FromUnixTimeMilliseconds(r.ReceivedAtMs),
            r.EnvelopeJson.Length == 0 ? null : JsonNode.Parse(r.EnvelopeJson)!["payload"]!.AsObject(), BatchState.RecordStatus(r.BatchState))).ToList();
        var older = rows.Count > 0 && (newer || more) ? BoardCursor.Older(rows[^1].ReceivedAtMs, rows[^1].Id) : null;
        var newerCursor = rows.Count > 0 && page.After is not null && (!newer || more) ? BoardCursor.Newer(rows[0].ReceivedAtMs, rows[0].Id) : null;
        var month = await fund.MonthAsync(communityId, FundLedger.MonthOf(time.GetUtcNow()), ct);
        return new CommunityBoardView(communityId, organisation.Name, month, await fund.BalanceAsync(communityId, ct), lines, older, newerCursor);
    }
}

/// <summary>The public page's cursors: opaque, each naming a direction and the (accepted at, id) key of the edge record.</summary>
internal static class BoardCursor
{
    /// <summary>The cursor of the records older than this one.</summary>
    public static string Older(long at, string id) => PageRequest.CursorAfter(FormattableString.Invariant($"o:{at}:{id}"));

    /// <summary>The cursor of the records newer than this one.</summary>
    public static string Newer(long at, string id) => PageRequest.CursorAfter(FormattableString.Invariant($"n:{at}:{id}"));

    /// <summary>Reads a decoded cursor: toward newer records or not, and the key to continue from; a 400 when it is not ours.</summary>
    public static (bool Newer, long At, string Id) Read(string? after)
    {
        if (after is null)
        {
            return (false, 0, "");
        }
        var parts = after.Split(':', 3);
        return parts.Length == 3 && parts[0] is "o" or "n" && long.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var at)
            ? (parts[0] == "n", at, parts[2])
            : throw LedgerProblem.InvalidQuery("cursor", "is not a cursor this service gave out: follow the page's own links, or omit it for the first page.");
    }
}
