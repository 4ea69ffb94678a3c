using Ledger.Api.Access;
using Ledger.Api.Problems;
using Ledger.Api.Records;
using Ledger.Core.Encoding;
using Ledger.Core.Records;
using Ledger.Data;
using Ledger.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Community;

/// <summary>
/// Who may act on a community's time bank or fund, asked of the permissions table as of a record of
/// a given type issued by the community: those who may read (or submit) those may read (or act).
/// </summary>
internal static class CommunityAccess
{
    /// <summary>The caller, when the policy lets them do <paramref name="action"/>; otherwise its 401/403/404.</summary>
    public static async Task<Caller> EnsureAsync(
        Caller caller, string communityId, RecordTypeDefinition definition, LedgerAction action, IRecordFactsReader facts, IAccessPolicy policy,
        string notFoundDetail, CancellationToken ct)
    {
        var standIn = new StoredRecord
        {
            Id = "", Domain = definition.Domain, Type = definition.Type, Level = (int)definition.Level, Issuer = communityId,
            OccurredAt = "", ReceivedAtMs = 0, EnvelopeJson = "", RecordHash = "", SubmittedBy = "",
        };
        policy.Decide(caller, action, await facts.ForAsync(standIn, ct), null).EnsureAllowed(notFoundDetail);
        return caller;
    }

    /// <summary>Whether <paramref name="caller"/> is the person behind <paramref name="submittedBy"/>: the same credential or staff account.</summary>
    public static async Task<bool> IsSameStaffAsync(Caller caller, string submittedBy, LedgerDbContext db, CancellationToken ct)
    {
        if (submittedBy == caller.KeyId)
        {
            return true;
        }
        if (caller.StaffId is null)
        {
            return false;
        }
        var staff = await db.ApiKeys.AsNoTracking().Where(k => k.Id == submittedBy).Select(k => k.StaffId).SingleOrDefaultAsync(ct);
        return staff == caller.StaffId;
    }

    /// <summary>
    /// The record of type <paramref name="definition"/> named by <paramref name="recordHash"/>, which the caller may
    /// read: what an endpoint acting on one community record (a confirmation, an approval) starts from.
    /// </summary>
    /// <exception cref="LedgerProblem">400 for a malformed hash; 404 when no such record of that type is open to the caller.</exception>
    public static async Task<StoredRecord> LoadAsync(
        string recordHash, RecordTypeDefinition definition, Caller caller, HttpRequest request, LedgerDbContext db, IRecordFactsReader facts,
        IAccessPolicy policy, string notFoundDetail, CancellationToken ct)
    {
        if (!Hex.IsFixed(recordHash, 32))
        {
            throw new LedgerProblem(StatusCodes.Status400BadRequest, "Malformed record hash", "A record hash is 0x followed by 64 hexadecimal digits.");
        }
        var (record, _) = await RecordLookup.LoadAllowedByHashAsync(
            recordHash.ToLowerInvariant(), LedgerAction.ReadRecord, caller, request, db, facts, policy, notFoundDetail, ct);
        return record.Domain == definition.Domain && record.Type == definition.Type ? record : throw LedgerProblem.NotFound(notFoundDetail);
    }
}
