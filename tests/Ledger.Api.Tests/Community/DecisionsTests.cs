using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ledger.Api.Access;
using Ledger.Core.Records;
using Ledger.Core.Records.Types.SharedCommunity.Vote;

namespace Ledger.Api.Tests.Community;

/// <summary>Proposals, one vote per household, the tally (open and secret ballot) and objections, on a clock the tests move.</summary>
public sealed class DecisionsTests(MonthClockLedger ledger) : IClassFixture<MonthClockLedger>
{
    private readonly LedgerApiFactory _factory = ledger.Factory;

    [Fact]
    public async Task AnOpenBallotIsTalliedAfterItsWindowAndEachHouseholdVotesOnce()
    {
        var community = await TestCommunity.CreateAsync(_factory, ledger.Clock);
        var proposal = await ProposeAsync(community, "open", quorum: 2);
        var households = await RegisterAsync(community, 3);

        Assert.Equal(HttpStatusCode.Created, (await VoteAsync(community, proposal, households[0], "for")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await VoteAsync(community, proposal, households[1], "for")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await VoteAsync(community, proposal, households[2], "against")).StatusCode);
        var again = await VoteAsync(community, proposal, households[2], "for");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("one-vote-per-household", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await DecideAsync(community, proposal)).StatusCode);

        ledger.Clock.Advance(TimeSpan.FromDays(2));
        var decided = await DecideAsync(community, proposal);

        Assert.Equal(HttpStatusCode.Created, decided.StatusCode);
        var decision = (await decided.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("decision");
        Assert.Equal("for", decision.GetProperty("outcome").GetString());
        Assert.Equal(3, decision.GetProperty("votesCast").GetInt32());
        Assert.Equal([2, 1], decision.GetProperty("tally").EnumerateArray().Select(t => t.GetProperty("votes").GetInt32()));
        Assert.Equal(HttpStatusCode.Conflict, (await DecideAsync(community, proposal)).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await VoteAsync(community, proposal, households[0], "for")).StatusCode);
    }

    [Fact]
    public async Task OfFiftyConcurrentVotesOfOneHouseholdExactlyOneIsStoredAndTheRestAre409()
    {
        var community = await TestCommunity.CreateAsync(_factory, ledger.Clock);
        var proposal = await ProposeAsync(community, "open", quorum: 1);
        var household = (await RegisterAsync(community, 1))[0];

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => VoteAsync(community, proposal, household, i % 2 == 0 ? "for" : "against")));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
    }

    [Fact]
    public async Task ASecretBallotPublishesOnlyCommitmentsUntilTheTallyWhoseOpeningsAnyoneCanRecount()
    {
        var community = await TestCommunity.CreateAsync(_factory, ledger.Clock);
        var proposal = await ProposeAsync(community, "secret", quorum: 2);
        var households = await RegisterAsync(community, 2);
        var first = await (await VoteAsync(community, proposal, households[0], "against")).Content.ReadFromJsonAsync<JsonElement>();
        await VoteAsync(community, proposal, households[1], "against");

        var published = await _factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/verify/{first.GetProperty("recordHash").GetString()}");
        var vote = published.GetProperty("content").GetProperty("payload");
        Assert.False(vote.TryGetProperty("choice", out _));
        Assert.Equal(first.GetProperty("commitment").GetString(), vote.GetProperty("commitment").GetString());
        Assert.Equal(vote.GetProperty("commitment").GetString(),
            SharedCommunityVote.Commitment(proposal, households[0], "against", first.GetProperty("salt").GetString()!));

        ledger.Clock.Advance(TimeSpan.FromDays(2));
        var decision = (await (await DecideAsync(community, proposal)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("decision");

        Assert.Equal("against", decision.GetProperty("outcome").GetString());
        foreach (var opening in decision.GetProperty("openings").EnumerateArray())
        {
            var stored = await _factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/verify/{opening.GetProperty("vote").GetString()}");
            var payload = stored.GetProperty("content").GetProperty("payload");
            Assert.Equal(payload.GetProperty("commitment").GetString(), SharedCommunityVote.Commitment(proposal,
                payload.GetProperty("householdRef").GetString()!, opening.GetProperty("choice").GetString()!, opening.GetProperty("salt").GetString()!));
        }
    }

    [Fact]
    public async Task AResidentsOwnSecretVotePublishesOnlyTheirCommitmentAndCountsOnlyOnceTheyOpenIt()
    {
        var community = await TestCommunity.CreateAsync(_factory, ledger.Clock);
        var proposal = await ProposeAsync(community, "secret", quorum: 1);
        var (first, firstResident) = await ResidentHouseholdAsync(community);
        var (second, secondResident) = await ResidentHouseholdAsync(community);
        var (firstSalt, secondSalt) = (Salt(), Salt());
        var votes = $"/api/v1/community/{community.Id}/proposals/{proposal}/votes";
        var openings = $"/api/v1/community/{community.Id}/proposals/{proposal}/openings";

        var inClear = await firstResident.PostAsJsonAsync(votes, new { householdRef = first, choice = "for" });
        Assert.Equal(HttpStatusCode.BadRequest, inClear.StatusCode);
        var cast = await firstResident.PostAsJsonAsync(votes, new { householdRef = first, commitment = SharedCommunityVote.Commitment(proposal, first, "for", firstSalt) });
        Assert.Equal(HttpStatusCode.Created, cast.StatusCode);
        var vote = await cast.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, vote.GetProperty("salt").ValueKind);
        var unopenedVote = await (await secondResident.PostAsJsonAsync(votes,
            new { householdRef = second, commitment = SharedCommunityVote.Commitment(proposal, second, "against", secondSalt) })).Content.ReadFromJsonAsync<JsonElement>();
        var early = await firstResident.PostAsJsonAsync(openings, new { householdRef = first, choice = "for", salt = firstSalt });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        Assert.Equal("opening-valid", (await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString());

        ledger.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await firstResident.PostAsJsonAsync(openings, new { householdRef = first, choice = "against", salt = firstSalt })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await secondResident.PostAsJsonAsync(openings, new { householdRef = first, choice = "for", salt = firstSalt })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await community.FirstApprover.PostAsJsonAsync(openings, new { householdRef = first, choice = "for", salt = firstSalt })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await firstResident.PostAsJsonAsync(openings, new { householdRef = first, choice = "for", salt = firstSalt })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await firstResident.PostAsJsonAsync(openings, new { householdRef = first, choice = "for", salt = firstSalt })).StatusCode);

        var decision = (await (await DecideAsync(community, proposal)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("decision");

        Assert.Equal("for", decision.GetProperty("outcome").GetString());
        Assert.Equal(1, decision.GetProperty("votesCast").GetInt32());
        var opening = Assert.Single(decision.GetProperty("openings").EnumerateArray());
        Assert.Equal(vote.GetProperty("recordHash").GetString(), opening.GetProperty("vote").GetString());
        Assert.Equal(firstSalt, opening.GetProperty("salt").GetString());
        Assert.Equal([unopenedVote.GetProperty("recordHash").GetString()], decision.GetProperty("unopened").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await secondResident.PostAsJsonAsync(openings, new { householdRef = second, choice = "against", salt = secondSalt })).StatusCode);
    }

    [Fact]
    public async Task AnUnregisteredHouseholdCannotVote()
    {
        var community = await TestCommunity.CreateAsync(_factory, ledger.Clock);
        var proposal = await ProposeAsync(community, "open", quorum: 1);

        var answer = await VoteAsync(community, proposal, "HH-nobody", "for");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.StatusCode);
        Assert.Equal("vote-eligible", (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString());
    }

    [Fact]
    public async Task AResidentObjectsWithinTheWindowButNotAfterIt()
    {
        var community = await TestCommunity.CreateAsync(_factory, ledger.Clock);
        var resident = _factory.CreateClient();
        resident.DefaultRequestHeaders.Add("X-Api-Key", await _factory.CreateKeyAsync(Roles.Resident, community.Id));
        var income = await Samples.SubmitAsync(community.Recorder, TestCommunity.Income("99.00", ledger.Clock.GetUtcNow()));
        var entry = income.GetProperty("recordHash").GetString();

        var filed = await resident.PostAsJsonAsync("/api/v1/community/objections", new { entry, reason = "The receipt shows 90.00, not 99.00." });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);

        ledger.Clock.Advance(TimeSpan.FromDays(8));
        var late = await resident.PostAsJsonAsync("/api/v1/community/objections", new { entry, reason = "Still wrong." });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
        Assert.Equal("objection-window", (await late.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString());
    }

    private async Task<string> ProposeAsync(TestCommunity community, string ballot, int quorum)
    {
        var reference = "P-" + Guid.NewGuid().ToString("N")[..8];
        var now = ledger.Clock.GetUtcNow();
        await Samples.SubmitAsync(community.Recorder, new JsonObject
        {
            ["domain"] = "shared-community",
            ["type"] = "proposal",
            ["occurredAt"] = Timestamps.Format(now),
            ["payload"] = new JsonObject
            {
                ["proposalRef"] = reference,
                ["title"] = "Install a bicycle shelter",
                ["text"] = "Build a covered bicycle shelter by gate 2, paid from the community fund.",
                ["options"] = new JsonArray("for", "against"),
                ["opensAt"] = Timestamps.Format(now.AddMinutes(-1)),
                ["closesAt"] = Timestamps.Format(now.AddDays(1)),
                ["ballot"] = ballot,
                ["quorum"] = quorum,
            },
        });
        return reference;
    }

    private static string Salt() => Ledger.Core.Encoding.Hex.Encode(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    // A household registered with a resident's own key, and a client holding that key.
    private async Task<(string Household, HttpClient Resident)> ResidentHouseholdAsync(TestCommunity community)
    {
        var (id, key) = await _factory.CreateKeyWithIdAsync(Roles.Resident, community.Id);
        var household = (await RegisterAsync(community, 1, id))[0];
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return (household, client);
    }

    private static async Task<string[]> RegisterAsync(TestCommunity community, int count, string? voterKey = null)
    {
        var refs = Enumerable.Range(0, count).Select(_ => "HH-" + string.Concat(Guid.NewGuid().ToString("N")[..10].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))))).ToArray();
        foreach (var reference in refs)
        {
            await Samples.SubmitAsync(community.Recorder, new JsonObject
            {
                ["domain"] = "shared-community",
                ["type"] = "household",
                ["occurredAt"] = "2026-10-01T09:00:00+08:00",
                ["payload"] = voterKey is null
                    ? new JsonObject { ["householdRef"] = reference, ["registeredOn"] = "2026-10-01" }
                    : new JsonObject { ["householdRef"] = reference, ["registeredOn"] = "2026-10-01", ["voterKey"] = voterKey },
            });
        }
        return refs;
    }

    private static Task<HttpResponseMessage> VoteAsync(TestCommunity community, string proposal, string household, string choice) =>
        community.FirstApprover.PostAsJsonAsync($"/api/v1/community/{community.Id}/proposals/{proposal}/votes", new { householdRef = household, choice });

    private static Task<HttpResponseMessage> DecideAsync(TestCommunity community, string proposal) =>
        community.Recorder.PostAsync($"/api/v1/community/{community.Id}/proposals/{proposal}/decision", content: null);
}
