using System.Text.Json.Nodes;
using Ledger.Api.Access;
using Ledger.Api.Problems;
using Ledger.Api.Protection;
using Ledger.Api.Records.Writing;
using Ledger.Core.Records;
using Ledger.Core.Records.Types.SharedCommunity.Decision;
using Ledger.Core.Records.Types.SharedCommunity.Decisions;
using Ledger.Core.Records.Types.SharedCommunity.Vote;
using Ledger.Data;
using Ledger.Data.Projections;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Community;

/// <summary>A vote as stored: its record hash, and for a secret ballot the salt and commitment the household can check later.</summary>
/// <param name="RecordHash">The vote record's hash; its public page is /v/{hash}.</param>
/// <param name="Commitment">Secret ballot: the published commitment; null for an open ballot.</param>
/// <param name="Salt">Secret ballot: the salt inside the commitment, for the household's own check; null for an open ballot.</param>
public sealed record VoteResult(string RecordHash, string? Commitment, string? Salt);

/// <summary>A stored decision.</summary>
/// <param name="RecordHash">The decision record's hash.</param>
/// <param name="Decision">Its payload: tally, quorum, outcome and, for a secret ballot, the openings.</param>
public sealed record DecisionResult(string RecordHash, JsonObject Decision);

/// <summary>
/// Casting votes and tallying them. A secret vote's salt is a keyed digest of proposal and household under the
/// service's subject-index secret: 256 bits no one can guess, which the service derives again at the tally instead of
/// storing the choice anywhere — it finds each vote's choice by trying the proposal's few options against the
/// commitment, then publishes choice and salt in the decision so anyone can recount.
/// </summary>
internal sealed class ResidentVoting(RecordPipeline pipeline, ProtectionKeys keys, LedgerDbContext db, TimeProvider time)
{
    /// <summary>Casts a household's vote; <paramref name="assisted"/> when a worker casts it at the service window.</summary>
    public async Task<VoteResult> VoteAsync(string communityId, string proposalRef, string householdRef, string choice, bool assisted, Caller caller, CancellationToken ct)
    {
        var proposal = await ResidentDecisions.ProposalAsync(new ProjectionStore(db), communityId, proposalRef, ct)
            ?? throw LedgerProblem.NotFound("This community has no proposal with that reference.");
        var payload = new JsonObject
        {
            ["proposal"] = proposalRef,
            ["householdRef"] = householdRef,
            ["castAt"] = Timestamps.Format(time.GetUtcNow()),
            ["castBy"] = caller.KeyId,
            ["assisted"] = assisted,
        };
        string? salt = null;
        if (proposal["ballot"]!.GetValue<string>() == "secret")
        {
            if (!proposal["options"]!.AsArray().Any(o => o!.GetValue<string>() == choice))
            {
                throw LedgerProblem.Invalid("choice", "Must be one of the proposal's options.");
            }
            salt = SaltOf(communityId, proposalRef, householdRef);
            payload["commitment"] = SharedCommunityVote.Commitment(proposalRef, householdRef, choice, salt);
        }
        else
        {
            payload["choice"] = choice;
        }
        var errors = SharedCommunityVote.Definition.Validate(payload);
        if (errors.Count > 0)
        {
            throw LedgerProblem.Invalid("The vote is invalid", errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
        }
        var vote = await pipeline.WriteInternalAsync(SharedCommunityVote.Definition, communityId, payload, caller.KeyId, null, "the vote", ct);
        return new VoteResult(vote.RecordHash, payload["commitment"]?.GetValue<string>(), salt);
    }

    /// <summary>Tallies a proposal whose window closed and stores the decision (once).</summary>
    public async Task<DecisionResult> DecideAsync(string communityId, string proposalRef, Caller caller, CancellationToken ct)
    {
        var proposal = await ResidentDecisions.ProposalAsync(new ProjectionStore(db), communityId, proposalRef, ct)
            ?? throw LedgerProblem.NotFound("This community has no proposal with that reference.");
        var options = proposal["options"]!.AsArray().Select(o => o!.GetValue<string>()).ToList();
        var secret = proposal["ballot"]!.GetValue<string>() == "secret";
        var counts = options.ToDictionary(o => o, _ => 0, StringComparer.Ordinal);
        var openings = new JsonArray();
        foreach (var (hash, vote) in await VotesAsync(communityId, proposalRef, ct))
        {
            var household = vote["householdRef"]!.GetValue<string>();
            var choice = secret ? Open(communityId, proposalRef, household, vote["commitment"]!.GetValue<string>(), options) : vote["choice"]!.GetValue<string>();
            counts[choice]++;
            if (secret)
            {
                openings.Add(new JsonObject { ["vote"] = hash, ["choice"] = choice, ["salt"] = SaltOf(communityId, proposalRef, household) });
            }
        }
        var cast = counts.Values.Sum();
        var quorum = proposal["quorum"]!.GetValue<int>();
        var best = counts.Values.Max();
        var outcome = cast < quorum ? "no-quorum" : counts.Count(c => c.Value == best) > 1 ? "tie" : counts.First(c => c.Value == best).Key;
        var payload = new JsonObject
        {
            ["proposal"] = proposalRef,
            ["votesCast"] = cast,
            ["quorum"] = quorum,
            ["quorumMet"] = cast >= quorum,
            ["tally"] = new JsonArray([.. options.Select(o => (JsonNode)new JsonObject { ["option"] = o, ["votes"] = counts[o] })]),
            ["outcome"] = outcome,
            ["decidedAt"] = Timestamps.Format(time.GetUtcNow()),
        };
        if (secret)
        {
            payload["openings"] = openings;
        }
        var decision = await pipeline.WriteInternalAsync(SharedCommunityDecision.Definition, communityId, payload, caller.KeyId, null, "the decision", ct);
        return new DecisionResult(decision.RecordHash, payload);
    }

    private string SaltOf(string communityId, string proposalRef, string householdRef) =>
        keys.SubjectDigest(communityId, RecordDomains.SharedCommunity, "ballot-salt", $"{proposalRef}\0{householdRef}");

    private string Open(string communityId, string proposalRef, string household, string commitment, List<string> options)
    {
        var salt = SaltOf(communityId, proposalRef, household);
        return options.FirstOrDefault(o => SharedCommunityVote.Commitment(proposalRef, household, o, salt) == commitment)
            ?? throw new InvalidOperationException($"A vote on proposal {proposalRef} opens to none of its options.");
    }

    private async Task<List<(string Hash, JsonObject Payload)>> VotesAsync(string communityId, string proposalRef, CancellationToken ct)
    {
        var rows = await db.Records.AsNoTracking()
            .Where(r => r.Issuer == communityId && r.Domain == RecordDomains.SharedCommunity && r.Type == "vote" && r.EnvelopeJson != "")
            .Select(r => new { r.RecordHash, r.EnvelopeJson })
            .ToListAsync(ct);
        return [.. rows.Select(r => (r.RecordHash, JsonNode.Parse(r.EnvelopeJson)!["payload"]!.AsObject()))
            .Where(v => v.Item2["proposal"]!.GetValue<string>() == proposalRef)];
    }
}
