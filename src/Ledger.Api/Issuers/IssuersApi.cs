using Ledger.Api.Chain;
using Ledger.Api.Hosting;
using Ledger.Api.Paging;
using Ledger.Chain;
using Ledger.Core.Encoding;
using Ledger.Data;
using Ledger.Data.Anchoring;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Issuers;

/// <summary><c>GET /api/v1/issuers</c>: which key signs for which organisation, and since which block — for anyone.</summary>
internal static class IssuersApi
{
    public static RouteGroupBuilder MapIssuersApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/issuers")
            .WithTags("Verification")
            .AllowAnonymous()
            .RequirePublicRateLimit()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        group.MapGet("", ListAsync)
            .WithName("ListIssuers")
            .WithSummary("List the issuing organisations, their signing keys and the blocks in which each key is registered on chain")
            .WithDescription(PageRequest.Description + " Organisations are in order of id.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithETag();

        return group;
    }

    private static async Task<Ok<IssuerRegistryView>> ListAsync(LedgerDbContext db, ChainRuntime chain, string? cursor, string? limit, CancellationToken ct)
    {
        var request = PageRequest.Parse(cursor, limit);
        var after = request.After;
        var fetched = await db.Organisations.AsNoTracking()
            .Where(o => after == null || string.Compare(o.Id, after) > 0)
            .OrderBy(o => o.Id).Take(request.Limit + 1).ToListAsync(ct);
        var (organisations, page) = Pages.Of(fetched, o => o.Id, request, await db.Organisations.LongCountAsync(ct));
        var ids = organisations.Select(o => o.Id).ToList();
        var keys = await db.IssuerKeys.AsNoTracking().Where(k => ids.Contains(k.OrganisationId)).ToListAsync(ct);
        var batchIds = keys.SelectMany(k => new[] { k.RegisteredInBatch, k.RetiredInBatch }).OfType<long>().Distinct().ToList();
        var batches = await db.Batches.AsNoTracking().Where(b => batchIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, ct);
        AnchorBatch? OnChain(long? id) =>
            id is { } batchId && batches.TryGetValue(batchId, out var batch) && batch.State is BatchState.Included or BatchState.Confirmed ? batch : null;

        var views = organisations.Select(o => new IssuerView(
            o.Id,
            Hex.Encode(IssuerKeyChange.OrganisationHash(o.Id)),
            o.Name,
            o.Kind,
            o.AreaCode,
            [.. keys.Where(k => k.OrganisationId == o.Id)
                .OrderBy(k => k.RetiredAtMs is null ? 0 : 1).ThenByDescending(k => k.CreatedAtMs)
                .Select(k =>
                {
                    var registered = OnChain(k.RegisteredInBatch);
                    var retired = OnChain(k.RetiredInBatch);
                    var status = (registered, k.RetiredAtMs, retired) switch
                    {
                        (_, not null, not null) => "retired",
                        (_, not null, null) => "retiring",
                        (not null, null, _) => "registered",
                        _ => "pending",
                    };
                    return new IssuerKeyView(
                        k.Address, status, registered?.BlockNumber, retired?.BlockNumber, registered?.TxHash, retired?.TxHash,
                        DateTimeOffset.FromUnixTimeMilliseconds(k.CreatedAtMs),
                        k.RetiredAtMs is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at) : null);
                })]));
        var current = chain.Current;
        return TypedResults.Ok(new IssuerRegistryView(current?.ChainId, current?.Contract.Address, [.. views], page));
    }
}
