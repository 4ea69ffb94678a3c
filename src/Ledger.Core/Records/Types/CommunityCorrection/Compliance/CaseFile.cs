using System.Text.Json.Nodes;

namespace Ledger.Core.Records.Types.CommunityCorrection.Compliance;

/// <summary>One record of a case as the compliance engine reads it: what its envelope says, and whether it still stands.</summary>
/// <param name="RecordHash">Its record hash, which alerts cite as proof.</param>
/// <param name="Type">Its type within community-correction, e.g. <c>check-in</c>.</param>
/// <param name="OccurredAt">Its envelope's <c>occurredAt</c>.</param>
/// <param name="Payload">Its payload.</param>
/// <param name="Stands">False once it was revoked, or superseded by a correction (which is then a record of its own).</param>
public sealed record CaseEntry(string RecordHash, string Type, DateTimeOffset OccurredAt, JsonObject Payload, bool Stands = true);

/// <summary>A case's records in chain order, as anchored: everything the engine needs, and nothing else.</summary>
/// <param name="CaseRef">The case reference.</param>
/// <param name="Records">Its records, first (case-opened) first.</param>
public sealed record CaseFile(string CaseRef, IReadOnlyList<CaseEntry> Records);
