using System.Linq.Expressions;
using Ledger.Api.Access;
using Ledger.Api.Problems;
using Ledger.Data;
using Ledger.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Records;

/// <summary>
/// Loads a record by id for an action on it, and refuses with the policy's answer. A record the caller may not learn
/// of (L3/L4: 404) must be indistinguishable from one that does not exist — in status, headers, body and, as far as
/// we can make it, time.
/// </summary>
internal static class RecordLookup
{
    // Stands in for a missing record so that a miss takes the same steps as a hit: no registered issuer has the id "",
    // so its facts query finds nothing, as it does for a record of an unregistered issuer.
    private static readonly StoredRecord Missing = new()
    {
        Id = "", Domain = "", Type = "", Level = 4, Issuer = "", OccurredAt = "", ReceivedAtMs = 0,
        EnvelopeJson = "", RecordHash = "", SubmittedBy = "",
    };

    /// <summary>
    /// The record and the stated purpose (<c>X-Access-Purpose</c>), when <paramref name="caller"/> may do
    /// <paramref name="action"/> to it; otherwise the 400 (malformed purpose) or 401/403/404 problem.
    /// </summary>
    /// <remarks><paramref name="notFoundDetail"/> is the detail of a miss, which a hidden record repeats word for word.</remarks>
    public static Task<(StoredRecord Record, string? Purpose)> LoadAllowedAsync(
        string id, LedgerAction action, Caller? caller, HttpRequest request,
        LedgerDbContext db, IRecordFactsReader facts, IAccessPolicy policy, string notFoundDetail, CancellationToken ct) =>
        LoadAllowedWhereAsync(r => r.Id == id, action, caller, request, db, facts, policy, notFoundDetail, ct);

    /// <summary>As <see cref="LoadAllowedAsync"/>, for a record named by its (already validated, lower-case) record hash.</summary>
    public static Task<(StoredRecord Record, string? Purpose)> LoadAllowedByHashAsync(
        string recordHash, LedgerAction action, Caller? caller, HttpRequest request,
        LedgerDbContext db, IRecordFactsReader facts, IAccessPolicy policy, string notFoundDetail, CancellationToken ct) =>
        LoadAllowedWhereAsync(r => r.RecordHash == recordHash, action, caller, request, db, facts, policy, notFoundDetail, ct);

    private static async Task<(StoredRecord Record, string? Purpose)> LoadAllowedWhereAsync(
        Expression<Func<StoredRecord, bool>> which, LedgerAction action, Caller? caller, HttpRequest request,
        LedgerDbContext db, IRecordFactsReader facts, IAccessPolicy policy, string notFoundDetail, CancellationToken ct)
    {
        var record = await db.Records.AsNoTracking().SingleOrDefaultAsync(which, ct);
        // The same work on both paths, so neither answers sooner: the purpose header is read (a malformed one is a 400
        // for a miss too, where it used to be a 404 that gave a hidden record away), the issuer's jurisdiction is
        // looked up and the policy decides — for a miss about the stand-in, and the decision is then dropped. Both
        // paths end in the same LedgerProblem, written by the same handler.
        var purpose = AccessPurpose.Read(request);
        var decision = policy.Decide(caller, action, await facts.ForAsync(record ?? Missing, ct), purpose);
        if (record is null)
        {
            throw LedgerProblem.NotFound(notFoundDetail);
        }
        decision.EnsureAllowed(notFoundDetail);
        return (record, purpose);
    }
}
