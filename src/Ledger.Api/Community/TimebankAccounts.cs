using System.Text.Json.Nodes;
using Ledger.Api.Access;
using Ledger.Api.Audit;
using Ledger.Api.Protection;
using Ledger.Api.Records;
using Ledger.Api.Records.Writing;
using Ledger.Core.Canonical;
using Ledger.Core.Encoding;
using Ledger.Core.Merkle;
using Ledger.Core.Records;
using Ledger.Core.Records.Types.SharedCommunity.ServiceConfirmation;
using Ledger.Core.Records.Types.SharedCommunity.TimeBank;
using Ledger.Core.Records.Types.SharedCommunity.TimebankStatement;
using Ledger.Data;
using Ledger.Data.Projections;
using Ledger.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Community;

/// <summary>
/// A volunteer's account at one community, read from the timebank-balance projection and the volunteer's own records
/// (found through their data key, so the reference is never looked up in clear), and the signed statement of it.
/// </summary>
internal sealed class TimebankAccounts(
    LedgerDbContext db, ProtectionKeys keys, EnvelopeVault vault, AccessTrail trail, RecordPipeline pipeline, TimeProvider time)
{
    private static readonly string NoEntriesRoot = Hex.Encode(new byte[32]);

    /// <summary>The account with every entry; each payload read is written to the access trail first.</summary>
    public async Task<TimebankAccountView> ReadAsync(string communityId, string volunteerRef, Caller caller, CancellationToken ct)
    {
        var digest = RecordSubjects.OfSubject(keys, communityId, RecordDomains.SharedCommunity, volunteerRef);
        var store = new ProjectionStore(db);
        var account = await TimebankBalance.AccountAsync(store, digest, ct);
        var opened = new List<(StoredRecord Record, JsonObject Payload)>();
        foreach (var record in await RecordsOfAsync(communityId, digest, ct))
        {
            var envelope = await vault.OpenAsync(record, ct);
            if (envelope is null)
            {
                continue;
            }
            await trail.AppendAsync(caller, record, purpose: null, ct);
            opened.Add((record, JsonNode.Parse(envelope)!["payload"]!.AsObject()));
        }
        // An entry stops counting once it, or the service record or transfer it stands on, is revoked (the balance
        // already says so: the revocation reversed it in its commit).
        var revoked = await RevokedAsync([.. opened.SelectMany(o => new[] { o.Record.RecordHash, Reference(o.Payload) }).OfType<string>()], ct);
        var batchStates = await AnchoringStatus.BatchStatesAsync(db, opened.Select(o => o.Record), ct);
        var entries = new List<TimebankEntry>();
        var confirmed = 0m;
        foreach (var (record, payload) in opened)
        {
            var hours = payload["hours"] is null ? (decimal?)null : TimebankBalance.HoursOf(payload);
            var withdrawn = revoked.Contains(record.RecordHash) || Reference(payload) is { } on && revoked.Contains(on);
            var status = withdrawn ? "revoked"
                : record.Type == "volunteer-service"
                    ? await SharedCommunityServiceConfirmation.IsConfirmedAsync(store, record.RecordHash, ct) ? "confirmed" : "pending"
                    : record.PublicStatus(AnchoringStatus.In(batchStates, record));
            if (!withdrawn && record.Type is "service-confirmation" or "hours-received")
            {
                confirmed += hours ?? 0m;
            }
            entries.Add(new TimebankEntry(record.RecordHash, record.Type, hours is { } h ? ExactDecimals.Format(h) : null, status, record.OccurredAt));
        }
        return new TimebankAccountView(communityId, volunteerRef, ExactDecimals.Format(account.Balance), ExactDecimals.Format(confirmed),
            ExactDecimals.Format(account.Pending), entries, caller.KeyId == VolunteerSelfCheck.ReaderId ? null : VolunteerSelfCheck.SecretOf(keys, communityId, volunteerRef));
    }

    /// <summary>Writes a timebank-statement record of the account as it stands and returns its envelope to hand on.</summary>
    public async Task<TimebankStatementResult> StateAsync(string communityId, string volunteerRef, Caller caller, CancellationToken ct)
    {
        var digest = RecordSubjects.OfSubject(keys, communityId, RecordDomains.SharedCommunity, volunteerRef);
        var account = await TimebankBalance.AccountAsync(new ProjectionStore(db), digest, ct);
        var hashes = (await RecordsOfAsync(communityId, digest, ct)).Where(r => r.Type != "timebank-statement").Select(r => r.RecordHash).ToList();
        var payload = new JsonObject
        {
            ["volunteerRef"] = volunteerRef,
            ["balance"] = ExactDecimals.Format(account.Balance),
            ["pending"] = ExactDecimals.Format(account.Pending),
            ["entryCount"] = hashes.Count,
            ["entriesRoot"] = EntriesRoot(hashes),
            ["asOf"] = time.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
        var statement = await pipeline.WriteInternalAsync(
            SharedCommunityTimebankStatement.Definition, communityId, payload, caller.KeyId, effects: null, "the statement", ct);
        var envelope = JsonNode.Parse((await vault.OpenAsync(statement, ct))!)!.AsObject();
        return new TimebankStatementResult(statement.Id, statement.RecordHash, envelope, statement.IssuerAddress, statement.IssuerSignature,
            RecordsApi.LinksFor(statement), VolunteerSelfCheck.SecretOf(keys, communityId, volunteerRef));
    }

    /// <summary>The Merkle root (the anchoring tree's) over the entries' record hashes; 0x and 64 zeros for none.</summary>
    public static string EntriesRoot(IReadOnlyList<string> recordHashes) =>
        recordHashes.Count == 0 ? NoEntriesRoot : Hex.Encode(MerkleTree.Build([.. recordHashes.Select(h => Hex.DecodeFixed(h, 32))]).Root);

    // The volunteer's records share one data key, named by their subject digest; oldest first.
    /// <summary>The record a confirmation or a received transfer stands on: its service record or its transfer.</summary>
    private static string? Reference(JsonObject payload) =>
        (payload["serviceRecord"] ?? payload["transferRecord"])?.GetValue<string>();

    /// <summary>Which of <paramref name="hashes"/> name revoked records.</summary>
    private async Task<HashSet<string>> RevokedAsync(List<string> hashes, CancellationToken ct) =>
        [.. await db.Revocations.AsNoTracking()
            .Join(db.Records, v => v.RevokedRecordId, r => r.Id, (v, r) => r.RecordHash)
            .Where(h => hashes.Contains(h))
            .ToListAsync(ct)];

    private async Task<List<StoredRecord>> RecordsOfAsync(string communityId, string digest, CancellationToken ct)
    {
        var keyIds = await db.SubjectKeys.AsNoTracking().Where(k => k.SubjectDigest == digest).Select(k => k.Id).ToListAsync(ct);
        var records = await db.Records.AsNoTracking()
            .Where(r => r.DataKeyId != null && keyIds.Contains(r.DataKeyId) && r.Issuer == communityId && r.Domain == RecordDomains.SharedCommunity)
            .ToListAsync(ct);
        return [.. records.OrderBy(r => r.ReceivedAtMs).ThenBy(r => r.Id, StringComparer.Ordinal)];
    }
}
