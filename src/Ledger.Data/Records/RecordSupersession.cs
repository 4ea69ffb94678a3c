namespace Ledger.Data.Records;

/// <summary>
/// The index row of one correction: the record <see cref="Id"/> supersedes the record <see cref="SupersededRecordId"/>.
/// The link itself is in the correcting record's envelope (<c>supersedes</c>), sealed, signed and anchored with it. A
/// record is superseded at most once (unique <see cref="SupersededRecordId"/>); a later correction supersedes the
/// correction.
/// </summary>
public sealed class RecordSupersession
{
    /// <summary>The id of the correcting (newer) record.</summary>
    public required string Id { get; init; }
    /// <summary>The id of the corrected (older) record.</summary>
    public required string SupersededRecordId { get; init; }
    public required long SupersededAtMs { get; init; }
}
