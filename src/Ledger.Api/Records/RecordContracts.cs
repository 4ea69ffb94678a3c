using System.Text.Json.Nodes;
using Ledger.Api.Verification;
using Ledger.Core.Proofs;

namespace Ledger.Api.Records;

/// <summary>A record to submit: which domain and type, when it happened, and its payload.</summary>
/// <param name="Domain">food-safety, community-correction or shared-community.</param>
/// <param name="Type">A record type of that domain, e.g. inspection, check-in, volunteer-service.</param>
/// <param name="OccurredAt">When the recorded event happened: RFC 3339 with an offset, at most millisecond precision.</param>
/// <param name="Payload">The record's fields, as the type's schema defines them.</param>
public sealed record SubmitRecordRequest(string Domain, string Type, string OccurredAt, JsonObject Payload)
{
    /// <summary>
    /// In a correction only: the hash of the earlier record of the same type that this one replaces. The earlier record
    /// then reads as superseded; it is never edited.
    /// </summary>
    public string? Supersedes { get; init; }
}

/// <summary>The answer to an accepted record: keep the salt and hash; they let anyone check the record later.</summary>
public sealed record RecordAccepted(string Id, string RecordHash, string Salt, string Status, DateTimeOffset ReceivedAt, RecordLinks Links);

/// <summary>Where to find a record, its public verification and its proof.</summary>
public sealed record RecordLinks(string Self, string Verify, string Proof);

/// <summary>
/// A stored record, for an authorised caller: the exact envelope that was hashed, its anchoring state, and its issuing
/// organisation's signature over the record hash (null for records stored before signing).
/// </summary>
/// <remarks>
/// <c>TypeVersion</c> is the version of the type's schema the payload was written under (1 for envelopes made before
/// versions). <c>Status</c> is what the public verification says (superseded, revoked and erased included);
/// <c>Revocation</c> and <c>Supersession</c> say by which record, when and why, or are null.
/// </remarks>
public sealed record RecordView(
    string Id,
    string Domain,
    string Type,
    int TypeVersion,
    int Level,
    string Issuer,
    string OccurredAt,
    DateTimeOffset ReceivedAt,
    string RecordHash,
    string Status,
    JsonObject Envelope,
    IssuerSection? Signature,
    RecordLinks Links,
    RevocationNotice? Revocation,
    SupersessionNotice? Supersession);
