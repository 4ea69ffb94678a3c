using System.Text.Json.Nodes;
using Ledger.Core.Records.Projections;

namespace Ledger.Core.Records.Types.SharedCommunity.Decisions;

/// <summary>
/// The rows and rules behind resident decisions, all replayable from the records: registered households (keyed by
/// their subject digest), proposals (keyed by community and proposal reference) with their windows, and one row per
/// household that voted on a proposal — which is what makes a second vote a 409 even when fifty arrive at once, since
/// the rule reads it inside the commit. Times are compared as recorded (a vote's castAt, set by the service's clock),
/// never against a clock, so a rebuild reaches the same verdicts.
/// </summary>
public static class ResidentDecisions
{
    /// <summary>Registered households.</summary>
    public const string HouseholdsName = "households";

    /// <summary>Proposals and their windows.</summary>
    public const string ProposalsName = "proposals";

    /// <summary>Who voted on which proposal.</summary>
    public const string VotesName = "proposal-votes";

    /// <summary>The rule refusing a second vote of one household on one proposal.</summary>
    public const string OneVoteRule = "one-vote-per-household";

    /// <summary>The row key of a community's proposal.</summary>
    public static string ProposalKey(string community, string proposalRef) => $"{community}|{proposalRef}";

    /// <summary>The proposal's row, or null for a reference the community never used.</summary>
    public static Task<JsonNode?> ProposalAsync(IProjectionState state, string community, string proposalRef, CancellationToken ct) =>
        state.GetAsync(ProposalsName, ProposalKey(community, proposalRef), ct);

    /// <summary>Remembers a registered household and the key that votes for it.</summary>
    public static RecordProjection Households { get; } = new(HouseholdsName, (record, state, ct) =>
        state.PutAsync(HouseholdsName, record.RequiredSubjectDigest,
            new JsonObject { ["voterKey"] = record.Payload["voterKey"]?.GetValue<string>() }, record.SubjectDigest, ct));

    /// <summary>Remembers a proposal's window, ballot and options; a decision marks it decided.</summary>
    public static RecordProjection Proposals { get; } = new(ProposalsName, async (record, state, ct) =>
    {
        var key = ProposalKey(record.Issuer, record.Payload[record.Definition.Type == "proposal" ? "proposalRef" : "proposal"]!.GetValue<string>());
        var row = record.Definition.Type == "proposal"
            ? new JsonObject
            {
                ["opensAt"] = record.Payload["opensAt"]!.GetValue<string>(),
                ["closesAt"] = record.Payload["closesAt"]!.GetValue<string>(),
                ["ballot"] = record.Payload["ballot"]!.GetValue<string>(),
                ["options"] = record.Payload["options"]!.DeepClone(),
                ["quorum"] = record.Payload["quorum"]!.GetValue<int>(),
                ["decided"] = false,
            }
            : (await state.GetAsync(ProposalsName, key, ct))!.AsObject().DeepClone().AsObject();
        if (record.Definition.Type == "decision")
        {
            row["decided"] = true;
        }
        await state.PutAsync(ProposalsName, key, row, subjectDigest: null, ct);
    });

    /// <summary>The rule refusing a wrong, early, late or second opening of a secret vote.</summary>
    public const string OpeningRule = "opening-valid";

    /// <summary>Remembers that the vote's household voted on its proposal, and a secret vote's commitment.</summary>
    public static RecordProjection Votes { get; } = new(VotesName, (record, state, ct) =>
        state.PutAsync(VotesName, VoteKey(record),
            new JsonObject { ["voted"] = true, ["commitment"] = record.Payload["commitment"]?.GetValue<string>() }, record.SubjectDigest, ct));

    /// <summary>Remembers that the household opened its secret vote, and to which choice.</summary>
    public static RecordProjection Openings { get; } = new(VotesName, async (record, state, ct) =>
    {
        var row = (await state.GetAsync(VotesName, VoteKey(record), ct))!.AsObject().DeepClone().AsObject();
        row["opened"] = record.Payload["choice"]!.GetValue<string>();
        await state.PutAsync(VotesName, VoteKey(record), row, record.SubjectDigest, ct);
    });

    /// <summary>
    /// An opening is the household's own (its registered key), after the window closed and before the tally, once,
    /// and its choice and salt reproduce the vote's commitment with a choice that is an option.
    /// </summary>
    public static StatefulRule OpeningValid { get; } = new(OpeningRule, CheckOpeningAsync);

    /// <summary>A proposal reference is used once per community.</summary>
    public static StatefulRule ProposalUnique { get; } = new("proposal-unique", async (record, state, ct) =>
        await ProposalAsync(state, record.Issuer, record.Payload["proposalRef"]!.GetValue<string>(), ct) is null
            ? null
            : new RuleRefusal("proposal-unique", RefusalKind.Conflict, "Proposal reference taken",
                $"This community already has a proposal {record.Payload["proposalRef"]!.GetValue<string>()}; choose another reference."));

    /// <summary>One vote per household per proposal (409).</summary>
    public static StatefulRule OneVote { get; } = new(OneVoteRule, async (record, state, ct) =>
        await state.GetAsync(VotesName, VoteKey(record), ct) is null
            ? null
            : new RuleRefusal(OneVoteRule, RefusalKind.Conflict, "Household already voted",
                "This household has already voted on this proposal; each household votes once."));

    /// <summary>The vote is for an open proposal, in its window, of the right ballot, by a registered household.</summary>
    public static StatefulRule Eligible { get; } = new("vote-eligible", CheckEligibleAsync);

    /// <summary>A proposal is decided once, after its window closed.</summary>
    public static StatefulRule DecidedOnce { get; } = new("decided-once", async (record, state, ct) =>
    {
        var proposal = await ProposalAsync(state, record.Issuer, record.Payload["proposal"]!.GetValue<string>(), ct);
        return proposal is null
            ? new RuleRefusal("decided-once", RefusalKind.Unprocessable, "No such proposal", "This community has no proposal with that reference.")
            : proposal["decided"]!.GetValue<bool>()
                ? new RuleRefusal("decided-once", RefusalKind.Conflict, "Already decided", "This proposal's decision is already stored.")
                : Instant(record.Payload["decidedAt"]!) < Instant(proposal["closesAt"]!)
                    ? new RuleRefusal("decided-once", RefusalKind.Unprocessable, "Voting still open", $"Voting closes at {proposal["closesAt"]}; tally after that.")
                    : null;
    });

    private static async Task<RuleRefusal?> CheckEligibleAsync(CommittingRecord record, IProjectionState state, CancellationToken ct)
    {
        var payload = record.Payload;
        if (await ProposalAsync(state, record.Issuer, payload["proposal"]!.GetValue<string>(), ct) is not { } proposal)
        {
            return Refuse("No such proposal", "This community has no proposal with that reference.");
        }
        var castAt = DateTimeOffset.Parse(payload["castAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        if (castAt < Instant(proposal["opensAt"]!) || castAt >= Instant(proposal["closesAt"]!))
        {
            return Refuse("Voting is not open", $"Voting on this proposal is open from {proposal["opensAt"]} until {proposal["closesAt"]}.");
        }
        var secret = proposal["ballot"]!.GetValue<string>() == "secret";
        if (secret != payload.ContainsKey("commitment"))
        {
            return Refuse("Wrong kind of ballot", secret ? "This is a secret ballot: a vote carries a commitment, not a choice." : "This is an open ballot: a vote carries its choice.");
        }
        if (!secret && !proposal["options"]!.AsArray().Any(o => o!.GetValue<string>() == payload["choice"]!.GetValue<string>()))
        {
            return Refuse("Not an option", "The choice must be one of the proposal's options.");
        }
        if (await state.GetAsync(HouseholdsName, record.RequiredSubjectDigest, ct) is not { } household)
        {
            return Refuse("Household not registered", "Only households registered by the community's committee may vote.");
        }
        var assisted = payload["assisted"]!.GetValue<bool>();
        return assisted || household["voterKey"]?.GetValue<string>() == payload["castBy"]!.GetValue<string>()
            ? null
            : Refuse("Not this household's key", "A resident votes with the key registered for their household, or at the service window.");
    }

    private static async Task<RuleRefusal?> CheckOpeningAsync(CommittingRecord record, IProjectionState state, CancellationToken ct)
    {
        var payload = record.Payload;
        var proposalRef = payload["proposal"]!.GetValue<string>();
        var proposal = await ProposalAsync(state, record.Issuer, proposalRef, ct);
        if (proposal is null || proposal["ballot"]!.GetValue<string>() != "secret")
        {
            return Opening(RefusalKind.Unprocessable, "No such secret ballot", "This community has no secret-ballot proposal with that reference.");
        }
        if (proposal["decided"]!.GetValue<bool>())
        {
            return Opening(RefusalKind.Unprocessable, "Already tallied", "This proposal is decided; openings were taken until the tally.");
        }
        if (Instant(payload["openedAt"]!) < Instant(proposal["closesAt"]!))
        {
            return Opening(RefusalKind.Unprocessable, "Voting still open", $"Open your vote after the window closes at {proposal["closesAt"]}, before the tally.");
        }
        var household = await state.GetAsync(HouseholdsName, record.RequiredSubjectDigest, ct);
        if (household?["voterKey"]?.GetValue<string>() != payload["openedBy"]!.GetValue<string>())
        {
            return Opening(RefusalKind.Unprocessable, "Not this household's key", "A household opens its vote with the key registered for it.");
        }
        var vote = await state.GetAsync(VotesName, VoteKey(record), ct);
        if (vote?["commitment"]?.GetValue<string>() is not { } commitment)
        {
            return Opening(RefusalKind.Unprocessable, "No sealed vote", "This household cast no sealed vote on this proposal.");
        }
        if (vote["opened"] is not null)
        {
            return Opening(RefusalKind.Conflict, "Already opened", "This household's vote is already opened; it is opened once.");
        }
        var choice = payload["choice"]!.GetValue<string>();
        return Vote.SharedCommunityVote.Commitment(proposalRef, payload["householdRef"]!.GetValue<string>(), choice, payload["salt"]!.GetValue<string>()) != commitment
            ? Opening(RefusalKind.Unprocessable, "Opening does not match",
                "keccak256(\"{proposal}|{householdRef}|{choice}|{salt}\") of this choice and salt is not the vote's commitment.")
            : !proposal["options"]!.AsArray().Any(o => o!.GetValue<string>() == choice)
                ? Opening(RefusalKind.Unprocessable, "Not an option", "The committed choice is not one of the proposal's options, so the vote cannot count.")
                : null;
    }

    private static RuleRefusal Opening(RefusalKind kind, string title, string detail) => new(OpeningRule, kind, title, detail);

    private static DateTimeOffset Instant(JsonNode text) =>
        DateTimeOffset.Parse(text.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

    private static RuleRefusal Refuse(string title, string detail) => new("vote-eligible", RefusalKind.Unprocessable, title, detail);

    private static string VoteKey(CommittingRecord record) =>
        $"{ProposalKey(record.Issuer, record.Payload["proposal"]!.GetValue<string>())}|{record.RequiredSubjectDigest}";
}
