using System.Security.Claims;
using Ledger.Api.Access;
using Ledger.Api.Problems;
using Ledger.Api.Records;
using Ledger.Core.Records.Schemas.Formats;
using Ledger.Core.Records.Types.SharedCommunity.VolunteerService;
using Ledger.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ledger.Api.Community;

/// <summary>The community time bank: confirming service hours, transfers, a volunteer's account and its signed statement.</summary>
internal static class TimebankApi
{
    private const string NotFoundDetail = "No volunteer-service record with this hash is known here.";
    private const string NoAccount = "No time bank of this community is open to you.";
    private static readonly JsonBodyLimits BodyLimits = new("time-bank request", MaxBytes: 8 * 1024, MaxDepth: 8);

    public static RouteGroupBuilder MapTimebankApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/community")
            .WithTags("Community")
            .RequireAuthorization();

        group.MapPost("/service/{recordHash}/confirmation", ConfirmAsync)
            .WithName("ConfirmVolunteerService")
            .WithSummary("Confirm a volunteer-service record as a second person, so its hours count")
            .WithDescription("A community worker of the record's community who did not record it (another credential of the same staff account " +
                "counts as the same person) stores an anchored shared-community/service-confirmation record; only then do the hours join " +
                "the volunteer's balance. Optional body: {\"note\": \"what was checked\"}. The recorder gets 403 (rule second-person); " +
                "a second confirmation is a 409 (rule confirmed-once).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/{communityId}/timebank/{volunteerRef}", ReadAsync)
            .WithName("GetTimebankAccount")
            .WithSummary("A volunteer's time-bank balance, confirmed and pending hours, and every entry with its record hash")
            .WithDescription("Staff who may read the community's time-bank records; every entry read is written to the access trail.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{communityId}/timebank/{volunteerRef}/transfers", TransferAsync)
            .WithName("TransferTimebankHours")
            .WithSummary("Transfer confirmed hours to another volunteer, here or at another community")
            .WithDescription("Stores the giving hours-transfer record and the receiving community's hours-received record in one transaction. " +
                "A transfer beyond the confirmed balance is a 422 (rule balance-not-negative) giving the balance, even under concurrent requests.")
            .Accepts<HoursTransferRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/{communityId}/timebank/{volunteerRef}/statement", StateAsync)
            .WithName("StateTimebankAccount")
            .WithSummary("A signed, anchored statement of a volunteer's account that another community can verify")
            .WithDescription("Stores a shared-community/timebank-statement record (balance, pending hours, a Merkle root over the entries' record hashes) " +
                "and returns its exact envelope, hash and the community's signature: anyone can recompute the hash and check it at /api/v1/verify/{hash}.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return group;
    }

    private static async Task<Created<ServiceConfirmationResult>> ConfirmAsync(
        string recordHash, HttpRequest request, ClaimsPrincipal user, LedgerDbContext db, IRecordFactsReader facts, IAccessPolicy policy,
        ServiceConfirmations confirmations, CancellationToken ct)
    {
        var caller = Caller.From(user);
        var service = await CommunityAccess.LoadAsync(recordHash, SharedCommunityVolunteerService.Definition, caller, request, db, facts, policy, NotFoundDetail, ct);
        // Those who may record the community's service hours may confirm them: the same rows of the permissions table.
        policy.Decide(caller, LedgerAction.SubmitRecord, await facts.ForAsync(service, ct), null)
            .EnsureAllowed(NotFoundDetail);
        var note = request.ContentLength is > 0 ? ConfirmationNote(await JsonBodyReader.ReadObjectAsync(request, BodyLimits, ct)) : null;
        var result = await confirmations.ConfirmAsync(service, caller, note, ct);
        return TypedResults.Created(result.Links.Self, result);
    }

    private static async Task<Ok<TimebankAccountView>> ReadAsync(
        string communityId, string volunteerRef, ClaimsPrincipal user, IRecordFactsReader facts, IAccessPolicy policy,
        TimebankAccounts accounts, CancellationToken ct)
    {
        var caller = await AllowedAsync(communityId, volunteerRef, LedgerAction.ReadRecord, user, facts, policy, ct);
        return TypedResults.Ok(await accounts.ReadAsync(communityId, volunteerRef, caller, ct));
    }

    private static async Task<Ok<HoursTransferResult>> TransferAsync(
        string communityId, string volunteerRef, HttpRequest request, ClaimsPrincipal user, IRecordFactsReader facts, IAccessPolicy policy,
        HoursTransfers transfers, CancellationToken ct)
    {
        var caller = await AllowedAsync(communityId, volunteerRef, LedgerAction.SubmitRecord, user, facts, policy, ct);
        var body = await JsonBodyReader.ReadObjectAsync(request, BodyLimits, ct);
        return TypedResults.Ok(await transfers.TransferAsync(volunteerRef, TimebankRequestParser.Transfer(body.Object), caller, ct));
    }

    private static async Task<Created<TimebankStatementResult>> StateAsync(
        string communityId, string volunteerRef, ClaimsPrincipal user, IRecordFactsReader facts, IAccessPolicy policy,
        TimebankAccounts accounts, CancellationToken ct)
    {
        var caller = await AllowedAsync(communityId, volunteerRef, LedgerAction.SubmitRecord, user, facts, policy, ct);
        var result = await accounts.StateAsync(communityId, volunteerRef, caller, ct);
        return TypedResults.Created(result.Links.Verify, result);
    }

    private static Task<Caller> AllowedAsync(
        string communityId, string volunteerRef, LedgerAction action, ClaimsPrincipal user, IRecordFactsReader facts, IAccessPolicy policy,
        CancellationToken ct) =>
        PseudonymousRef.Problem(volunteerRef) is { } problem
            ? throw LedgerProblem.Invalid("volunteerRef", $"The volunteer reference {problem}.")
            : CommunityAccess.EnsureAsync(Caller.From(user), communityId, SharedCommunityVolunteerService.Definition, action, facts, policy, NoAccount, ct);

    private static string? ConfirmationNote(JsonBody body)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (name, _) in body.Object.Where(p => p.Key != "note"))
        {
            errors[name] = ["Unknown field; the body has only note."];
        }
        var note = RequestFields.Text(body.Object, "note", 200, required: false, errors);
        return errors.Count > 0 ? throw LedgerProblem.Invalid("The confirmation request is invalid", errors) : note;
    }
}
