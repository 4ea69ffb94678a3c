using System.Text.Json.Nodes;
using Ledger.Api.Access;
using Ledger.Api.Problems;
using Ledger.Api.Protection;
using Ledger.Api.Records.Writing;
using Ledger.Core.Records;
using Ledger.Core.Records.Types.SharedCommunity.Decision;
using Ledger.Core.Records.Types.SharedCommunity.Decisions;
using Ledger.Core.Records.Types.SharedCommunity.Vote;
using Ledger.Core.Records.Types.SharedCommunity.VoteOpening;
using Ledger.Data;
using Ledger.Data.Projections;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Community;

/// <summary>A vote as stored: its record hash, and for a secret ballot the salt and commitment the household can check later.</summary>
/// <param name="RecordHash">The vote record's hash; its public page is /v/{hash}.</param>
/// <param name="Commitment">Secret ballot: the published commitment; null for an open ballot and an opening.</param>
/// <param name="Salt">Assisted secret vote: the service's salt inside the commitment, for the household's own check; null otherwise.</param>
public sealed record VoteResult(string RecordHash, string? Commitment, string? Salt);

/// <summary>A stored decision.</summary>
/// <param name="RecordHash">The decision record's hash.</param>
/// <param name="Decision">Its payload: tally, quorum, outcome and, for a secret ballot, the openings.</param>
public sealed record DecisionResult(string RecordHash, JsonObject Decision);

/// <summary>
/// Casting votes, opening them and tallying them. In a secret ballot a household voting with its own key sends only a
/// commitment its device salted, and opens it itself after the window closes (a vote-opening record): the service
/// cannot see that choice before. An assisted vote at the service window is salted by the service — a keyed digest of
/// proposal and household under the subject-index secret, 256 bits no one else can guess — so the worker and the
/// service know it; at the tally the service opens those by trying the proposal's few options. The decision publishes
/// every counted vote's choice and salt, so anyone can recount, and lists the votes nobody opened.
/// </summary>
internal sealed class ResidentVoting(RecordPipeline pipeline, ProtectionKeys keys, LedgerDbContext db, TimeProvider time)
{
    /// <summary>
    /// Casts a household's vote: a <paramref name="choice"/>, or in a secret ballot cast with the household's own key a
    /// <paramref name="commitment"/> its own device computed; <paramref name="assisted"/> when a worker casts it at the
    /// service window (then the service salts the commitment itself, and the worker knows the choice).
    /// </summary>
    public async Task<VoteResult> VoteAsync(
        string communityId, string proposalRef, string householdRef, string? choice, string? commitment, bool assisted, Caller caller, CancellationToken ct)
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
        var secret = proposal["ballot"]!.GetValue<string>() == "secret";
        if (secret && !assisted)
        {
            // End to end: the household's own device salts and commits; the service never learns the choice before the opening.
            payload["commitment"] = commitment ?? throw LedgerProblem.Invalid("commitment",
                "In a secret ballot you send only commitment = keccak256(\"{proposal}|{householdRef}|{choice}|{salt}\") with your own 32-byte salt (0x + 64 hex digits), and open it after the window closes.");
        }
        else if (choice is null || commitment is not null)
        {
            throw LedgerProblem.Invalid(commitment is null ? "choice" : "commitment",
                secret ? "An assisted vote at the service window carries the choice; the service salts and commits it." : "An open ballot's vote carries its choice.");
        }
        else if (secret)
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
        Validate(SharedCommunityVote.Definition, payload, "The vote is invalid");
        var vote = await pipeline.WriteInternalAsync(SharedCommunityVote.Definition, communityId, payload, caller.KeyId, null, "the vote", ct);
        return new VoteResult(vote.RecordHash, payload["commitment"]?.GetValue<string>(), salt);
    }

    /// <summary>The household opens its own secret vote after the window closed: the choice and salt inside its commitment.</summary>
    public async Task<VoteResult> OpenAsync(string communityId, string proposalRef, string householdRef, string choice, string salt, Caller caller, CancellationToken ct)
    {
        var payload = new JsonObject
        {
            ["proposal"] = proposalRef,
            ["householdRef"] = householdRef,
            ["choice"] = choice,
            ["salt"] = salt,
            ["openedAt"] = Timestamps.Format(time.GetUtcNow()),
            ["openedBy"] = caller.KeyId,
        };
        Validate(SharedCommunityVoteOpening.Definition, payload, "The opening is invalid");
        var opening = await pipeline.WriteInternalAsync(SharedCommunityVoteOpening.Definition, communityId, payload, caller.KeyId, null, "the opening", ct);
        return new VoteResult(opening.RecordHash, null, null);
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
        var unopened = new JsonArray();
        var opened = secret ? await RecordsAsync(communityId, "vote-opening", proposalRef, ct) : [];
        foreach (var (hash, vote) in await RecordsAsync(communityId, "vote", proposalRef, ct))
        {
            var household = vote["householdRef"]!.GetValue<string>();
            if (!secret)
            {
                counts[vote["choice"]!.GetValue<string>()]++;
                continue;
            }
            // An assisted vote opens with the service's salt; the household's own commitment only with its opening.
            var salt = SaltOf(communityId, proposalRef, household);
            var choice = options.FirstOrDefault(o => SharedCommunityVote.Commitment(proposalRef, household, o, salt) == vote["commitment"]!.GetValue<string>());
            if (choice is null && opened.Select(o => o.Payload).FirstOrDefault(o => o["householdRef"]!.GetValue<string>() == household) is { } opening)
            {
                (choice, salt) = (opening["choice"]!.GetValue<string>(), opening["salt"]!.GetValue<string>());
            }
            if (choice is null)
            {
                unopened.Add(hash);
                continue;
            }
            counts[choice]++;
            openings.Add(new JsonObject { ["vote"] = hash, ["choice"] = choice, ["salt"] = salt });
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
            payload["unopened"] = unopened;
        }
        var decision = await pipeline.WriteInternalAsync(SharedCommunityDecision.Definition, communityId, payload, caller.KeyId, null, "the decision", ct);
        return new DecisionResult(decision.RecordHash, payload);
    }

    private string SaltOf(string communityId, string proposalRef, string householdRef) =>
        keys.SubjectDigest(communityId, RecordDomains.SharedCommunity, "ballot-salt", $"{proposalRef}\0{householdRef}");

    private static void Validate(RecordTypeDefinition definition, JsonObject payload, string title)
    {
        var errors = definition.Validate(payload);
        if (errors.Count > 0)
        {
            throw LedgerProblem.Invalid(title, errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
        }
    }

    // The proposal's votes or openings, oldest first.
    private async Task<List<(string Hash, JsonObject Payload)>> RecordsAsync(string communityId, string type, string proposalRef, CancellationToken ct)
    {
        var rows = await db.Records.AsNoTracking()
            .Where(r => r.Issuer == communityId && r.Domain == RecordDomains.SharedCommunity && r.Type == type && r.EnvelopeJson != "")
            .OrderBy(r => r.ReceivedAtMs)
            .Select(r => new { r.RecordHash, r.EnvelopeJson })
            .ToListAsync(ct);
        return [.. rows.Select(r => (r.RecordHash, JsonNode.Parse(r.EnvelopeJson)!["payload"]!.AsObject()))
            .Where(v => v.Item2["proposal"]!.GetValue<string>() == proposalRef)];
    }
}
