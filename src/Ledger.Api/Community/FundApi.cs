using System.Security.Claims;
using Ledger.Api.Access;
using Ledger.Api.Problems;
using Ledger.Api.Records;
using Ledger.Core.Records.Types.SharedCommunity.FundIncome;
using Ledger.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ledger.Api.Community;

/// <summary>The community fund: expenses with dual approval, the public balance and monthly statements.</summary>
internal static class FundApi
{
    private const string NotFoundDetail = "No fund expense with this hash is known here.";
    private const string NoFund = "No fund of this community is open to you.";
    private static readonly JsonBodyLimits BodyLimits = new("fund expense", MaxBytes: 8 * 1024, MaxDepth: 8);
    private static readonly HashSet<string> ExpenseFields = ["amount", "purpose", "payeeCategory", "receiptHash", "paidOn", "correctionOf"];

    public static RouteGroupBuilder MapFundApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/community").WithTags("Community");

        group.MapPost("/fund/expenses", RecordAsync).RequireAuthorization()
            .WithName("RecordFundExpense")
            .WithSummary("Record a payment from your community's fund")
            .WithDescription("Income is an ordinary shared-community/fund-income record (POST /api/v1/records). An expense above Community:DualApprovalThreshold " +
                "is stored needing two approvals and counts only once two staff other than the recorder approve it; one within it counts at once. " +
                "The fund never goes negative: an expense (or the approval that makes it count) the balance does not cover is a 422 (rule fund-not-negative) giving the balance.")
            .Accepts<FundExpenseRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/fund/expenses/{recordHash}/approvals", ApproveAsync).RequireAuthorization()
            .WithName("ApproveFundExpense")
            .WithSummary("Approve a fund expense above the dual-approval threshold")
            .WithDescription("Staff of the expense's community other than its recorder; two different people. The recorder gets 403 " +
                "(rule approver-not-recorder); the same person twice, or a third approval, a 409 (rule distinct-approvers).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/{communityId}/fund/statements/{month}", MonthAsync).AllowAnonymous()
            .WithName("GetFundStatement")
            .WithSummary("A month of the community fund: opening balance, every entry with its record hash, closing balance (public)")
            .WithDescription("Months are China Standard Time. EntriesRoot is the Merkle root over the entries' record hashes; once the month is closed, " +
                "statementRecord names the anchored fund-statement record that commits to the same root and totals.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        group.MapPost("/{communityId}/fund/statements/{month}", CloseAsync).RequireAuthorization()
            .WithName("CloseFundMonth")
            .WithSummary("Close a month that is over: anchor its fund-statement record")
            .WithDescription("Once per month (409, rule month-closed); a month not yet over is a 422 (rule month-not-over). Nothing can enter a closed " +
                "month afterwards: entries fall in the month they are committed, so a late correction is an entry of a later month with correctionOf.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return group;
    }

    private static async Task<Created<FundExpenseResult>> RecordAsync(
        HttpRequest request, ClaimsPrincipal user, IRecordFactsReader facts, IAccessPolicy policy, FundExpenses expenses, CancellationToken ct)
    {
        var caller = Caller.From(user);
        await CommunityAccess.EnsureAsync(caller, caller.Organisation, SharedCommunityFundIncome.Definition, LedgerAction.SubmitRecord, facts, policy, NoFund, ct);
        var body = (await JsonBodyReader.ReadObjectAsync(request, BodyLimits, ct)).Object;
        var errors = new Dictionary<string, string[]>();
        foreach (var (name, _) in body.Where(p => !ExpenseFields.Contains(p.Key)))
        {
            errors[name] = [$"Unknown field; the body has {string.Join(", ", ExpenseFields)}."];
        }
        var fields = ExpenseFields.ToDictionary(f => f, f => RequestFields.Text(body, f, 200, required: f != "correctionOf", errors));
        if (errors.Count > 0)
        {
            throw LedgerProblem.Invalid("The expense is invalid", errors);
        }
        var result = await expenses.RecordAsync(new FundExpenseRequest(fields["amount"]!, fields["purpose"]!, fields["payeeCategory"]!,
            fields["receiptHash"]!, fields["paidOn"]!, fields["correctionOf"]), caller, ct);
        return TypedResults.Created(result.Links.Self, result);
    }

    private static async Task<Created<ExpenseApprovalResult>> ApproveAsync(
        string recordHash, HttpRequest request, ClaimsPrincipal user, LedgerDbContext db, IRecordFactsReader facts, IAccessPolicy policy,
        FundExpenses expenses, CancellationToken ct)
    {
        var caller = Caller.From(user);
        var expense = await CommunityAccess.LoadAsync(recordHash, FundExpenses.Definition, caller, request, db, facts, policy, NotFoundDetail, ct);
        await CommunityAccess.EnsureAsync(caller, expense.Issuer, SharedCommunityFundIncome.Definition, LedgerAction.SubmitRecord, facts, policy, NotFoundDetail, ct);
        var result = await expenses.ApproveAsync(expense, caller, ct);
        return TypedResults.Created($"/api/v1/verify/{result.RecordHash}", result);
    }

    private static async Task<Ok<FundMonthView>> MonthAsync(string communityId, string month, FundLedger fund, CancellationToken ct) =>
        TypedResults.Ok(await fund.MonthAsync(communityId, Checked(month), ct));

    private static async Task<Created<FundMonthView>> CloseAsync(
        string communityId, string month, ClaimsPrincipal user, IRecordFactsReader facts, IAccessPolicy policy, FundLedger fund, CancellationToken ct)
    {
        var caller = await CommunityAccess.EnsureAsync(
            Caller.From(user), communityId, SharedCommunityFundIncome.Definition, LedgerAction.SubmitRecord, facts, policy, NoFund, ct);
        var view = await fund.CloseAsync(communityId, Checked(month), caller, ct);
        return TypedResults.Created($"/api/v1/verify/{view.StatementRecord}", view);
    }

    private static string Checked(string month)
    {
        _ = FundLedger.Bounds(month);
        return month;
    }

}
