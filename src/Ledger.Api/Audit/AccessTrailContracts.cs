using Ledger.Api.Paging;

namespace Ledger.Api.Audit;

/// <summary>One read of a non-public payload, as the access trail holds it.</summary>
/// <param name="Sequence">Position in the trail: 1, 2, 3, … over all jurisdictions, so a filtered page may skip numbers.</param>
/// <param name="At">When the payload was read.</param>
/// <param name="KeyId">The reader's credential (public id).</param>
/// <param name="Role">The reader's role.</param>
/// <param name="Organisation">The organisation the reader acted for.</param>
/// <param name="StaffId">The reader's staff account, when known.</param>
/// <param name="RecordId">The record that was read.</param>
/// <param name="RecordHash">Its hash.</param>
/// <param name="Purpose">The purpose the reader stated (required for L4).</param>
/// <param name="EntryRecordId">The ledger/access record that is this entry's evidence.</param>
/// <param name="EntryHash">Its record hash: anchored like any record, and named by the next entry.</param>
/// <param name="PreviousHash">The previous entry's hash (32 zero bytes for the first).</param>
/// <param name="Status">The entry record's anchoring status: pending, anchored or confirmed.</param>
public sealed record AccessTrailItem(
    long Sequence,
    DateTimeOffset At,
    string KeyId,
    string Role,
    string Organisation,
    string? StaffId,
    string RecordId,
    string RecordHash,
    string? Purpose,
    string EntryRecordId,
    string EntryHash,
    string PreviousHash,
    string Status);

/// <summary>A page of the trail, oldest first.</summary>
/// <param name="Entries">The entries.</param>
/// <param name="Next">The last entry's sequence number, to pass as <c>after</c> for the next page (kept for clients written before
/// <c>page</c>); null on the last page.</param>
/// <param name="Page">The next page's cursor, as on every list; no total, which would need a walk of the trail.</param>
public sealed record AccessTrailPage(IReadOnlyList<AccessTrailItem> Entries, long? Next, PageInfo Page);

/// <summary>The result of walking the whole trail.</summary>
/// <param name="Intact">True when every check passed.</param>
/// <param name="Entries">Entries in the trail.</param>
/// <param name="Head">The last entry's hash: note it, and a later verification proves nothing before it changed.</param>
/// <param name="Pending">Entries not yet anchored.</param>
/// <param name="Anchored">Entries whose batch root is in a block.</param>
/// <param name="Confirmed">Entries whose anchoring block is confirmed.</param>
/// <param name="Problems">What is wrong, first problems first (at most 100).</param>
public sealed record AccessTrailVerification(bool Intact, long Entries, string Head, long Pending, long Anchored, long Confirmed, IReadOnlyList<string> Problems);
