using System.Text.Json.Nodes;
using Ledger.Api.Access;
using Ledger.Api.Issuers;
using Ledger.Api.Records;
using Ledger.Core.Records.Types.Internal.Access;
using Ledger.Data;
using Ledger.Data.Audit;
using Ledger.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Audit;

/// <summary>
/// Appends one ledger/access record per read of a non-public payload, chained to the entry before it. The append
/// runs in a write transaction (SQLite's write lock, across instances too), so the chain is strictly linear: each
/// entry takes the next sequence number and names its predecessor's hash, and a unique index refuses a fork.
/// </summary>
internal sealed class AccessTrail(LedgerDbContext db, EnvelopeBuilder envelopes, RecordProtector protector, IssuerKeys issuerKeys, TimeProvider time)
{
    /// <summary>Records that <paramref name="caller"/> read <paramref name="read"/>; returns only once it is committed.</summary>
    public async Task AppendAsync(Caller caller, StoredRecord read, string? purpose, CancellationToken ct)
    {
        // Opened now: the first use of an issuer key writes on a connection of its own, which would wait on ours below.
        await issuerKeys.ForAsync(caller.Organisation, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var last = await db.AccessTrail.AsNoTracking().OrderByDescending(e => e.Sequence).FirstOrDefaultAsync(ct);
        var previous = last?.EntryHash ?? LedgerAccessEntry.Genesis;
        var payload = new JsonObject
        {
            ["keyId"] = caller.KeyId,
            ["role"] = caller.Role,
            ["organisation"] = caller.Organisation,
            ["recordId"] = read.Id,
            ["recordHash"] = read.RecordHash,
            ["previous"] = previous,
        };
        if (caller.StaffId is not null)
        {
            payload["staffId"] = caller.StaffId;
        }
        if (purpose is not null)
        {
            payload["purpose"] = purpose;
        }
        var entry = await protector.ProtectAsync(envelopes.BuildInternal(LedgerAccessEntry.Definition, caller.Organisation, payload, caller.KeyId), ct);
        db.Records.Add(entry);
        db.AccessTrail.Add(new AccessTrailEntry
        {
            Sequence = (last?.Sequence ?? 0) + 1,
            EntryRecordId = entry.Id,
            EntryHash = entry.RecordHash,
            PreviousHash = previous,
            ReadRecordId = read.Id,
            ReadAtMs = time.GetUtcNow().ToUnixTimeMilliseconds(),
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
