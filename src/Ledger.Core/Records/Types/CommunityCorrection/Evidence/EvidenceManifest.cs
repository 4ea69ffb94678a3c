using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ledger.Core.Records.Types.CommunityCorrection.Evidence;

/// <summary>
/// The manifest of an evidence package (<c>ledger-evidence/v1</c>): which case and which days, who asked for it, why
/// and when, where the completeness chain stood, every record the package holds with its place in the chain, and the
/// SHA-256 of every other file. The package's anchored access-trail event commits to this file's own SHA-256.
/// </summary>
public sealed record EvidenceManifest
{
    /// <summary>The format every manifest this version writes carries.</summary>
    public const string CurrentFormat = "ledger-evidence/v1";

    /// <summary>How manifests, chain checks and alert files are written and read: camelCase JSON.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public required string Format { get; init; }
    public required EvidenceCase Case { get; init; }
    public required EvidenceRange Range { get; init; }
    public required EvidenceRequester RequestedBy { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>The instant the alerts were computed at: the start of the day after the range (China Standard Time).</summary>
    public required DateTimeOffset AlertsAsOf { get; init; }
    public required EvidenceChain Chain { get; init; }
    /// <summary>
    /// The case's records from its first to the last dated within the range — and on to the last revocation or correction
    /// of any of them — in chain order; revocations of the case's records are links of the chain like its records.
    /// </summary>
    public required IReadOnlyList<EvidenceRecord> Records { get; init; }
    /// <summary>The ledger/revocation records that revoke any of them but are not links of the chain (made before revocations were).</summary>
    public required IReadOnlyList<EvidenceRevocation> Revocations { get; init; }
    /// <summary>Every file of the package but the manifest and the package event, with its SHA-256.</summary>
    public required IReadOnlyList<EvidenceFile> Files { get; init; }
}

/// <summary>The case: its reference, its id, its jurisdiction, who opened it and where it stood.</summary>
public sealed record EvidenceCase(string CaseRef, string CaseId, string AreaCode, string OpenedBy, string Status);

/// <summary>The days asked for, yyyy-MM-dd, China Standard Time, both included.</summary>
public sealed record EvidenceRange(string From, string To);

/// <summary>Who made the package, and the purpose they stated (also in the access trail).</summary>
public sealed record EvidenceRequester(string KeyId, string Role, string Organisation, string? StaffId, string Purpose);

/// <summary>
/// The records the package holds (numbers <see cref="FromSeq"/> to <see cref="ToSeq"/>) and the case's head when it was
/// made: the chain continues after <see cref="ToSeq"/> only if the head is later.
/// </summary>
public sealed record EvidenceChain(long FromSeq, long ToSeq, long HeadSeq, string HeadHash);

/// <summary>One record of the package.</summary>
/// <param name="Seq">Its number in the case's chain.</param>
/// <param name="RecordHash">Its hash.</param>
/// <param name="Type">Its type within community-correction, or <c>revocation</c> for a ledger/revocation of one of the case's records (a link of the chain too).</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Status">Its status when the package was made.</param>
/// <param name="InRange">Whether it is dated within the range; the others are the context the range needs.</param>
/// <param name="Directory">Where its files are, e.g. <c>records/000001</c>.</param>
public sealed record EvidenceRecord(long Seq, string RecordHash, string Type, string OccurredAt, string Status, bool InRange, string Directory);

/// <summary>A revocation of a record of the package.</summary>
/// <param name="RecordHash">The ledger/revocation record's hash.</param>
/// <param name="Revokes">The hash of the record it revokes.</param>
/// <param name="Directory">Where its files are.</param>
public sealed record EvidenceRevocation(string RecordHash, string Revokes, string Directory);

/// <summary>A file of the package and its SHA-256 (lower-case hex).</summary>
public sealed record EvidenceFile(string Path, string Sha256);
