using Ledger.Core.Proofs;
using Ledger.Data;
using Ledger.Data.Anchoring;
using Ledger.Data.Records;

namespace Ledger.Api.Verification;

/// <summary>
/// Whether a record still stands: its revocation and its correction, if any, and the one status that sums them up.
/// The same answer for the public verification, the proof bundle and an authorised read.
/// </summary>
/// <param name="Status">The status everyone is told (see <see cref="StatusOf(bool, string, bool, bool)"/> for the order).</param>
/// <param name="Revocation">Its revocation, or null.</param>
/// <param name="Supersession">Its correction, or null.</param>
internal sealed record RecordStanding(string Status, RevocationNotice? Revocation, SupersessionNotice? Supersession)
{
    /// <summary>
    /// Reads both and orders them: erased, then revoked, then superseded, then the anchoring status. Erased is the
    /// strongest statement about what can still be read; a revoked record no longer stands at all, whereas a
    /// superseded one was replaced by a newer version (a record is never both: each refuses the other).
    /// </summary>
    public static async Task<RecordStanding> OfAsync(StoredRecord record, LedgerDbContext db, CancellationToken ct)
    {
        var revocation = await VerificationQueries.RevocationOf(db, record.Id, ct);
        var supersession = await VerificationQueries.SupersessionOf(db, record.Id, ct);
        var batchState = await AnchoringStatus.BatchStateOfAsync(db, record, ct);
        return new RecordStanding(StatusOf(record, batchState, revocation is not null, supersession is not null), revocation, supersession);
    }

    /// <summary>
    /// The one status of a record whose batch's state, revocation and correction are already known (e.g. read for many
    /// at once).
    /// </summary>
    public static string StatusOf(StoredRecord record, string? batchState, bool revoked, bool superseded) =>
        StatusOf(record.ErasedAtMs is not null, BatchState.RecordStatus(batchState), revoked, superseded);

    /// <summary>The same order from the facts alone: erased, revoked, superseded, then the anchoring status.</summary>
    public static string StatusOf(bool erased, string anchoringStatus, bool revoked, bool superseded) =>
        erased ? RecordStatus.Erased
        : revoked ? RecordStatus.Revoked
        : superseded ? RecordStatus.Superseded
        : anchoringStatus;
}
