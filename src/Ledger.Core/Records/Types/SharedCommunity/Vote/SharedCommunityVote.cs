using System.Text.Json.Nodes;
using Ledger.Core.Encoding;
using Ledger.Core.Hashing;
using Ledger.Core.Records.Schemas;
using Ledger.Core.Records.Types.SharedCommunity.Decisions;
using Ledger.Core.Records.Types.SharedCommunity.TimeBank;

namespace Ledger.Core.Records.Types.SharedCommunity.Vote;

/// <summary>
/// shared-community/vote: one household's vote on one proposal. Public (by household pseudonym) so anyone can count;
/// in a secret ballot it carries only a salted commitment until the decision publishes the opening.
/// </summary>
public static class SharedCommunityVote
{
    /// <summary>The record type; L1. The service writes it (<c>POST /api/v1/community/{id}/proposals/{ref}/votes</c>).</summary>
    public static RecordTypeDefinition Definition { get; } = new(
        RecordDomains.SharedCommunity,
        "vote",
        DataLevel.Public,
        "One household's vote on a proposal: its choice, or in a secret ballot a salted commitment opened at the tally.")
    {
        SubjectField = "householdRef",
        Grants = CommunityStaff.ServiceWritten,
        Versions = [new(1, PayloadSchema.Embedded(typeof(SharedCommunityVote), "vote.v1.schema.json")) { Rules = [ChoiceOrCommitment] }],
        StatefulRules = [ResidentDecisions.Eligible, ResidentDecisions.OneVote],
        Projections = [ResidentDecisions.Votes],
    };

    /// <summary>The commitment of a secret vote: keccak-256 over <c>{proposal}|{householdRef}|{choice}|{salt}</c> in UTF-8.</summary>
    public static string Commitment(string proposal, string householdRef, string choice, string salt) =>
        Hex.Encode(Keccak256.Hash(System.Text.Encoding.UTF8.GetBytes($"{proposal}|{householdRef}|{choice}|{salt}")));

    private static PayloadError? ChoiceOrCommitment(JsonObject payload) =>
        payload.ContainsKey("choice") == payload.ContainsKey("commitment")
            ? new PayloadError("choice", "exactly one of choice (open ballot) and commitment (secret ballot) is required")
            : null;
}
