using System.Text.Json.Nodes;
using Ledger.Api.Records.Writing;
using Ledger.Core.Records.Types.Internal.Access;
using Ledger.Data.Audit;
using Ledger.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Audit;

/// <summary>
/// An access-trail entry's work in the commit: name the chain's current head as <c>previous</c> (so the entry is
/// sealed and hashed there), then append the chain row with the next sequence number. The head is read inside the
/// write transaction after every earlier record of the group was saved, so each entry follows the one before it.
/// </summary>
internal sealed class AccessTrailEffects(string readRecordId, long readAtMs) : CommitEffects
{
    private long _sequence;
    private string _previous = LedgerAccessEntry.Genesis;

    public override bool AssignsFields => true;

    public override async Task AssignAsync(CommitScope scope, JsonObject payload, CancellationToken ct)
    {
        var last = await scope.Db.AccessTrail.AsNoTracking().OrderByDescending(e => e.Sequence).FirstOrDefaultAsync(ct);
        _sequence = (last?.Sequence ?? 0) + 1;
        _previous = last?.EntryHash ?? LedgerAccessEntry.Genesis;
        payload["previous"] = _previous;
    }

    public override Task ApplyAsync(CommitScope scope, StoredRecord record, CancellationToken ct)
    {
        scope.Db.AccessTrail.Add(new AccessTrailEntry
        {
            Sequence = _sequence,
            EntryRecordId = record.Id,
            EntryHash = record.RecordHash,
            PreviousHash = _previous,
            ReadRecordId = readRecordId,
            ReadAtMs = readAtMs,
        });
        return Task.CompletedTask;
    }
}
