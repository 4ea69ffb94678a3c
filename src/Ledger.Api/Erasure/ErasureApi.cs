using System.Security.Claims;
using Ledger.Api.Access;
using Ledger.Api.Problems;
using Ledger.Api.Protection;
using Ledger.Api.Records;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ledger.Api.Erasure;

/// <summary>Erasing a data subject's payloads (PIPL Art. 47 deletion, expired retention, court orders).</summary>
internal static class ErasureApi
{
    private const string NothingToErase = "Your organisation holds no readable record of that subject in that domain.";
    private static readonly JsonBodyLimits BodyLimits = new("erasure request", MaxBytes: 8 * 1024, MaxDepth: 8);

    public static RouteGroupBuilder MapErasureApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/erasures")
            .WithTags("Erasure")
            .RequireAuthorization();

        group.MapPost("/", EraseAsync)
            .WithName("EraseSubject")
            .WithSummary("Erase one data subject's payloads by destroying their data key (crypto-shredding)")
            .WithDescription("Only the issuing organisation's staff of the domain may erase, and only their own organisation's subject. " +
                "The legal basis is the stated purpose. Stores an anchored ledger/erasure record as evidence; the erased records' " +
                "hashes and proofs still verify and show status erased. Backups and copies outside the database are not reached.")
            .Accepts<EraseSubjectRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Created<ErasureResult>> EraseAsync(
        HttpRequest request, ClaimsPrincipal user, IAccessPolicy policy, SubjectErasure erasure, CancellationToken ct)
    {
        var body = await JsonBodyReader.ReadObjectAsync(request, BodyLimits, ct);
        var ask = ErasureRequestParser.Parse(body.Object);
        var caller = Caller.From(user);
        var level = RecordSubjects.ErasableLevelOf(ask.Domain)
            ?? throw LedgerProblem.Invalid(ErasureRequestParser.InvalidTitle, new Dictionary<string, string[]>
            {
                ["domain"] = [$"'{Clip(ask.Domain)}' has no record types with a data subject; erasable domains are community-correction and shared-community."],
            });
        // The legal basis is the erasure's stated purpose (PIPL Art. 47 asks for one).
        var purpose = ask.Note is null ? ask.LegalBasis : $"{ask.LegalBasis}: {ask.Note}";
        var facts = new RecordFacts(ask.Domain, level, caller.Organisation, caller.Jurisdiction ?? "");
        policy.Decide(caller, LedgerAction.EraseSubject, facts, purpose).EnsureAllowed(NothingToErase);
        var result = await erasure.EraseAsync(ask, caller, ct) ?? throw LedgerProblem.NotFound(NothingToErase);
        return TypedResults.Created(result.Links.Self, result);
    }

    private static string Clip(string text) => text.Length <= 64 ? text : text[..64];
}
