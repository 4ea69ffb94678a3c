using System.Text.Json.Nodes;
using Ledger.Api.Records;

namespace Ledger.Api.Correction;

/// <summary>Opens a case: the case-opened record's payload, when it was decided, and the person's real identity if it is kept at all.</summary>
/// <param name="OccurredAt">When the case was opened (RFC 3339 with an offset); now when left out.</param>
/// <param name="Payload">The case-opened payload: subjectRef (the case reference), correctionType, period, plan, minor, officerRef, note.</param>
/// <param name="Identity">Real identity fields, if kept at all: sealed, never part of a record, shown only to the jurisdiction's correction staff.</param>
public sealed record OpenCaseRequest(string? OccurredAt, JsonObject Payload, CaseIdentity? Identity);

/// <summary>A person's real identity, kept sealed beside the case (never in a record, never anchored, never in an evidence package).</summary>
/// <param name="Name">Full name.</param>
/// <param name="IdNumber">Resident ID number.</param>
public sealed record CaseIdentity(string? Name, string? IdNumber);

/// <summary>A case opened: its id, its case-opened record as accepted, and where to find it.</summary>
/// <param name="CaseId">The case's id: that of its case-opened record.</param>
/// <param name="Record">The case-opened record: keep its salt and hash.</param>
/// <param name="Links">The case, its alerts and its evidence package.</param>
public sealed record CaseOpenedResult(string CaseId, RecordAccepted Record, CaseLinks Links);

/// <summary>Where a case, its alerts and its evidence package are.</summary>
public sealed record CaseLinks(string Self, string Alerts, string Evidence);

/// <summary>
/// A case for its jurisdiction's staff: where it stands, its records in chain order with their payloads and statuses,
/// and the service's own check of its completeness chain.
/// </summary>
/// <param name="CaseRef">The case reference.</param>
/// <param name="Status">open, closed, or erased (closed, and its payloads crypto-shredded when its retention ran out).</param>
/// <param name="AreaCode">Its jurisdiction.</param>
/// <param name="OpenedBy">The organisation that opened it.</param>
/// <param name="Minor">Whether the person is a minor.</param>
/// <param name="OpenedAt">When its case-opened record was committed.</param>
/// <param name="ClosedAt">When its case-closed record was committed; null while open.</param>
/// <param name="ErasedAt">When its payloads were erased; null before.</param>
/// <param name="Identity">The sealed identity, to the jurisdiction's correction officers and bureau approvers only; null otherwise or when none is kept.</param>
/// <param name="Chain">The completeness chain as the service checked it.</param>
/// <param name="Records">Every record of the case, number 1 first.</param>
public sealed record CaseView(
    string CaseRef, string Status, string AreaCode, string OpenedBy, bool Minor, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt,
    DateTimeOffset? ErasedAt, CaseIdentity? Identity, CaseChainView Chain, IReadOnlyList<CaseRecordView> Records);

/// <summary>The completeness chain of a case: how long, its head, and whether every link holds.</summary>
/// <param name="Length">Records in the case.</param>
/// <param name="Head">The last record's hash: note it, and no record before it can later go missing unseen.</param>
/// <param name="Whole">True when every record carries the link the index holds and follows the one before it.</param>
/// <param name="Problems">What is wrong, first first.</param>
public sealed record CaseChainView(long Length, string Head, bool Whole, IReadOnlyList<string> Problems);

/// <summary>One record of a case.</summary>
/// <param name="Seq">Its number in the case.</param>
/// <param name="Id">Its id (GET /api/v1/records/{id}).</param>
/// <param name="Type">Its type within community-correction.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="RecordHash">Its hash.</param>
/// <param name="Status">pending, anchored, confirmed, superseded, revoked or erased.</param>
/// <param name="Payload">Its payload (with its chain link); null once erased.</param>
public sealed record CaseRecordView(long Seq, string Id, string Type, string OccurredAt, string RecordHash, string Status, JsonObject? Payload);

/// <summary>One compliance alert: its kind, the day or slot, why, and the records that prove it.</summary>
/// <param name="Kind">missed-check-in, missed-report, missed-visit, no-check-in, out-of-area, positioning-without-approval, positioning-approval-expired, positioning-over-limit or approval-not-entitled.</param>
/// <param name="Date">The day it concerns (for a missed slot, the slot's last day), yyyy-MM-dd, China Standard Time.</param>
/// <param name="Slot">The scheduled slot, for a missed duty or a run of days; null otherwise.</param>
/// <param name="Detail">Why, in one sentence.</param>
/// <param name="Records">The hashes of the anchored records that prove it.</param>
/// <param name="CaseRef">The case, in a jurisdiction's list; null in one case's own list.</param>
public sealed record AlertView(string Kind, string Date, AlertSlot? Slot, string Detail, IReadOnlyList<string> Records, string? CaseRef);

/// <summary>A slot's first and last day, yyyy-MM-dd.</summary>
public sealed record AlertSlot(string From, string To);

/// <summary>A case's alerts as of an instant.</summary>
public sealed record CaseAlerts(string CaseRef, DateTimeOffset AsOf, IReadOnlyList<AlertView> Alerts);

/// <summary>The alerts of every open case of a jurisdiction (and officer) as of an instant.</summary>
/// <param name="AreaCode">The jurisdiction.</param>
/// <param name="AsOf">The instant judged at.</param>
/// <param name="Cases">How many cases were judged.</param>
/// <param name="Alerts">Their alerts, by case then day.</param>
public sealed record JurisdictionAlerts(string AreaCode, DateTimeOffset AsOf, int Cases, IReadOnlyList<AlertView> Alerts);

/// <summary>What an evidence package covers: the days of the case (China Standard Time) whose records it holds.</summary>
/// <param name="From">First day, yyyy-MM-dd.</param>
/// <param name="To">Last day, yyyy-MM-dd.</param>
public sealed record EvidenceRequest(string From, string To);

/// <summary>
/// An evidence package made: fetch it at <see cref="Location"/> once its access-trail event is confirmed on chain (a
/// 202 problem with Retry-After until then); it then carries that event's proof.
/// </summary>
/// <param name="PackageId">The package's id.</param>
/// <param name="PackageEvent">The record hash of the access-trail record of its making, which commits to the manifest.</param>
/// <param name="ManifestSha256">The SHA-256 of the package's manifest.json.</param>
/// <param name="Location">Where to fetch it (GET, with X-Access-Purpose, by the same credential).</param>
public sealed record EvidencePackageAccepted(string PackageId, string PackageEvent, string ManifestSha256, string Location);
