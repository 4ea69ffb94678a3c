using System.Text.Json.Nodes;
using Ledger.Api.Records;

namespace Ledger.Api.Community;

/// <summary>A stored confirmation of a volunteer-service record.</summary>
/// <param name="Id">The service-confirmation record's id.</param>
/// <param name="RecordHash">The confirmation record's hash: it is anchored like any record.</param>
/// <param name="ServiceRecord">The confirmed volunteer-service record's hash.</param>
/// <param name="Hours">The hours that now count in the volunteer's balance.</param>
/// <param name="Links">Where to read and verify the confirmation record.</param>
public sealed record ServiceConfirmationResult(string Id, string RecordHash, string ServiceRecord, string Hours, RecordLinks Links);

/// <summary>A transfer of time-bank hours to another volunteer, here or at another community.</summary>
/// <param name="Hours">Hours to give, exact text with at most two decimals, e.g. "1.50".</param>
/// <param name="ToCommunity">The receiving community's organisation id.</param>
/// <param name="ToVolunteerRef">The receiving volunteer's time-bank reference there.</param>
/// <param name="TransferredOn">The day of the transfer (YYYY-MM-DD).</param>
/// <param name="Note">Why, optional.</param>
public sealed record HoursTransferRequest(string Hours, string ToCommunity, string ToVolunteerRef, string TransferredOn, string? Note);

/// <summary>The two records of a transfer, written in one transaction.</summary>
/// <param name="TransferRecord">The giving half (hours-transfer, issued by the giving community).</param>
/// <param name="ReceivedRecord">The receiving half (hours-received, issued by the receiving community).</param>
/// <param name="Hours">The hours transferred.</param>
/// <param name="Balance">The giver's balance after the transfer.</param>
public sealed record HoursTransferResult(string TransferRecord, string ReceivedRecord, string Hours, string Balance);

/// <summary>One time-bank record of a volunteer.</summary>
/// <param name="RecordHash">The record's hash; its public page is /v/{hash}.</param>
/// <param name="Type">volunteer-service, service-confirmation, hours-redemption, hours-transfer, hours-received or timebank-statement.</param>
/// <param name="Hours">The hours it names (none for a statement).</param>
/// <param name="Status">For volunteer-service: confirmed or pending; otherwise the record's anchoring status.</param>
/// <param name="OccurredAt">When it happened, as recorded.</param>
public sealed record TimebankEntry(string RecordHash, string Type, string? Hours, string Status, string OccurredAt);

/// <summary>A volunteer's time-bank account at one community.</summary>
/// <param name="CommunityId">The community (issuing organisation).</param>
/// <param name="VolunteerRef">The volunteer's time-bank reference.</param>
/// <param name="Balance">Confirmed hours not yet spent.</param>
/// <param name="ConfirmedHours">All confirmed service hours and hours received.</param>
/// <param name="PendingHours">Service hours waiting for a second person's confirmation.</param>
/// <param name="Entries">Every time-bank record of the volunteer here, oldest first.</param>
/// <param name="CheckSecret">
/// For staff only: the volunteer's check secret, to print on their statement or card, with which they check this
/// account themselves (POST /api/v1/community/{communityId}/timebank/self-check); null in the volunteer's own answer.
/// </param>
public sealed record TimebankAccountView(
    string CommunityId, string VolunteerRef, string Balance, string ConfirmedHours, string PendingHours, IReadOnlyList<TimebankEntry> Entries,
    string? CheckSecret);

/// <summary>A volunteer's request to check their own time-bank account.</summary>
/// <param name="VolunteerRef">Their time-bank reference.</param>
/// <param name="Secret">The check secret printed on their statement or card (32 hex digits; dashes and spaces are ignored).</param>
public sealed record VolunteerSelfCheckRequest(string VolunteerRef, string Secret);

/// <summary>A signed, anchored statement of a volunteer's account, for another community to verify.</summary>
/// <param name="Id">The timebank-statement record's id.</param>
/// <param name="RecordHash">keccak-256 of <paramref name="Envelope"/> in canonical form; check it at /api/v1/verify/{hash}.</param>
/// <param name="Envelope">The exact envelope that was hashed: payload and salt, so the hash can be recomputed.</param>
/// <param name="IssuerAddress">The community's signing address.</param>
/// <param name="IssuerSignature">The community's EIP-191 signature over the record hash.</param>
/// <param name="Links">Where to verify it.</param>
/// <param name="CheckSecret">
/// The volunteer's check secret, to print on the statement handed to them (never inside the record): with it and their
/// reference they check their own account without an account here.
/// </param>
public sealed record TimebankStatementResult(
    string Id, string RecordHash, JsonObject Envelope, string? IssuerAddress, string? IssuerSignature, RecordLinks Links, string CheckSecret);
