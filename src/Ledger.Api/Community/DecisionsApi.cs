using System.Security.Claims;
using Ledger.Api.Access;
using Ledger.Api.Problems;
using Ledger.Api.Records;
using Ledger.Core.Encoding;
using Ledger.Core.Records;
using Ledger.Core.Records.Types.SharedCommunity.Proposal;
using Ledger.Data;
using Ledger.Data.Records;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Community;

/// <summary>Resident decisions: votes (one per household), the tally, objections and their resolutions.</summary>
internal static class DecisionsApi
{
    private const string NoCommunity = "No proposal of this community is open to you.";
    private const string NoEntry = "No community entry with this hash is known here.";
    private static readonly JsonBodyLimits BodyLimits = new("community request", MaxBytes: 8 * 1024, MaxDepth: 8);

    public static RouteGroupBuilder MapDecisionsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/community").WithTags("Community").RequireAuthorization();

        group.MapPost("/{communityId}/proposals/{proposalRef}/votes", VoteAsync)
            .WithName("CastVote")
            .WithSummary("Cast a household's vote: {\"householdRef\", \"choice\"} or, secret ballot with the household's own key, {\"householdRef\", \"commitment\"}")
            .WithDescription("A resident with the key registered for the household, or a community worker at the service window (recorded as assisted). " +
                "One vote per household per proposal: a second is a 409 (rule one-vote-per-household), even under concurrent requests. " +
                "Outside the window, for an unregistered household or a choice that is not an option: 422 (rule vote-eligible). " +
                "Secret ballot, resident's own key: send only commitment = keccak256(\"{proposal}|{householdRef}|{choice}|{salt}\") with your own " +
                "32-byte salt, and open it after the window closes (…/openings). Secret ballot, assisted: the worker sends the choice, the service salts " +
                "and commits it and answers the salt; the worker and the service know that choice.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/{communityId}/proposals/{proposalRef}/openings", OpenAsync)
            .WithName("OpenVote")
            .WithSummary("Open your household's secret vote after the window closed: {\"householdRef\", \"choice\", \"salt\"}")
            .WithDescription("The resident with the household's registered key, between the window's close and the tally. Stores a vote-opening record; " +
                "a choice and salt that do not reproduce the vote's commitment, an opening before the close or after the tally are 422, a second opening " +
                "409 (rule opening-valid). Votes not opened by the tally are listed in the decision as unopened and not counted.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/{communityId}/proposals/{proposalRef}/decision", DecideAsync)
            .WithName("DecideProposal")
            .WithSummary("Tally a proposal whose window closed and store the decision (with a secret ballot's openings and unopened votes)")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/objections", ObjectAsync)
            .WithName("FileObjection")
            .WithSummary("Object to a published community entry within Community:ObjectionWindow: {\"entry\": hash, \"reason\"}")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/objections/{recordHash}/resolution", ResolveAsync)
            .WithName("ResolveObjection")
            .WithSummary("The committee's answer to an objection: {\"resolution\": \"upheld\"|\"dismissed\", \"note\"}")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Created<VoteResult>> VoteAsync(
        string communityId, string proposalRef, HttpRequest request, ClaimsPrincipal user, ResidentVoting voting, CancellationToken ct)
    {
        var caller = Caller.From(user);
        var assisted = VoterRole(caller, communityId);
        var body = Fields(await JsonBodyReader.ReadObjectAsync(request, BodyLimits, ct), ["householdRef"], ["choice", "commitment"]);
        var result = await voting.VoteAsync(communityId, proposalRef, body["householdRef"]!, body["choice"], body["commitment"], assisted, caller, ct);
        return TypedResults.Created($"/api/v1/verify/{result.RecordHash}", result);
    }

    private static async Task<Created<VoteResult>> OpenAsync(
        string communityId, string proposalRef, HttpRequest request, ClaimsPrincipal user, ResidentVoting voting, CancellationToken ct)
    {
        var caller = Caller.From(user);
        if (VoterRole(caller, communityId))
        {
            throw LedgerProblem.Forbidden("A household opens its own vote with its own key; the salt never passed through the service window.");
        }
        var body = Fields(await JsonBodyReader.ReadObjectAsync(request, BodyLimits, ct), ["householdRef", "choice", "salt"], []);
        var result = await voting.OpenAsync(communityId, proposalRef, body["householdRef"]!, body["choice"]!, body["salt"]!, caller, ct);
        return TypedResults.Created($"/api/v1/verify/{result.RecordHash}", result);
    }

    private static async Task<Created<DecisionResult>> DecideAsync(
        string communityId, string proposalRef, ClaimsPrincipal user, IRecordFactsReader facts, IAccessPolicy policy, ResidentVoting voting, CancellationToken ct)
    {
        var caller = await CommunityAccess.EnsureAsync(
            Caller.From(user), communityId, SharedCommunityProposal.Definition, LedgerAction.SubmitRecord, facts, policy, NoCommunity, ct);
        var result = await voting.DecideAsync(communityId, proposalRef, caller, ct);
        return TypedResults.Created($"/api/v1/verify/{result.RecordHash}", result);
    }

    private static async Task<Created<ObjectionResult>> ObjectAsync(
        HttpRequest request, ClaimsPrincipal user, LedgerDbContext db, Objections objections, CancellationToken ct)
    {
        var caller = Caller.From(user);
        var body = Fields(await JsonBodyReader.ReadObjectAsync(request, BodyLimits, ct), ["entry", "reason"], []);
        var entry = await EntryAsync(db, body["entry"]!, ct);
        _ = VoterRole(caller, entry.Issuer);
        var result = await objections.FileAsync(entry, body["reason"]!, caller, ct);
        return TypedResults.Created($"/api/v1/verify/{result.RecordHash}", result);
    }

    private static async Task<Created<ObjectionResult>> ResolveAsync(
        string recordHash, HttpRequest request, ClaimsPrincipal user, LedgerDbContext db, IRecordFactsReader facts, IAccessPolicy policy,
        Objections objections, CancellationToken ct)
    {
        var objection = await EntryAsync(db, recordHash, ct);
        if (objection.Type != "objection")
        {
            throw LedgerProblem.NotFound(NoEntry);
        }
        var caller = await CommunityAccess.EnsureAsync(
            Caller.From(user), objection.Issuer, SharedCommunityProposal.Definition, LedgerAction.SubmitRecord, facts, policy, NoEntry, ct);
        var body = Fields(await JsonBodyReader.ReadObjectAsync(request, BodyLimits, ct), ["resolution", "note"], []);
        var result = await objections.ResolveAsync(objection, body["resolution"]!, body["note"]!, caller, ct);
        return TypedResults.Created($"/api/v1/verify/{result.RecordHash}", result);
    }

    // Residents of the community vote and object for themselves; its community workers do so for them at the window.
    private static bool VoterRole(Caller caller, string communityId) =>
        caller.Organisation == communityId && caller.Role is Roles.Resident or Roles.CommunityWorker
            ? caller.Role == Roles.CommunityWorker
            : throw LedgerProblem.Forbidden("Only residents of this community, or its community workers at the service window, may do this.");

    private static async Task<StoredRecord> EntryAsync(LedgerDbContext db, string hash, CancellationToken ct)
    {
        if (!Hex.IsFixed(hash, 32))
        {
            throw LedgerProblem.Invalid("entry", "Must be a record hash: 0x followed by 64 hexadecimal digits.");
        }
        var lower = hash.ToLowerInvariant();
        return await db.Records.AsNoTracking().SingleOrDefaultAsync(r => r.RecordHash == lower && r.Domain == RecordDomains.SharedCommunity, ct)
            ?? throw LedgerProblem.NotFound(NoEntry);
    }

    private static Dictionary<string, string?> Fields(JsonBody body, string[] required, string[] optional)
    {
        var errors = new Dictionary<string, string[]>();
        var known = required.Concat(optional).ToHashSet();
        foreach (var (name, _) in body.Object.Where(p => !known.Contains(p.Key)))
        {
            errors[name] = [$"Unknown field; the body has {string.Join(", ", known)}."];
        }
        var values = known.ToDictionary(f => f, f => RequestFields.Text(body.Object, f, 1000, required.Contains(f), errors));
        return errors.Count > 0 ? throw LedgerProblem.Invalid("The request is invalid", errors) : values;
    }
}
