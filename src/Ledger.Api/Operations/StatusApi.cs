using Ledger.Api.Access;
using Ledger.Api.Chain;
using Ledger.Data;
using Ledger.Data.Anchoring;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Operations;

/// <summary>The operator's status view (admin and auditor keys, as the access policy decides).</summary>
internal static class StatusApi
{
    /// <summary>A batch that has not reached included within this long is listed as stuck.</summary>
    private static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(2);

    public static RouteGroupBuilder MapStatusApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/status")
            .WithTags("Operations")
            .RequireLedgerAction(LedgerAction.ReadStatus);

        group.MapGet("/", GetAsync)
            .WithName("GetStatus")
            .WithSummary("Backlog, recent batches, chain head and stuck items")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return group;
    }

    private static async Task<Ok<LedgerStatus>> GetAsync(LedgerDbContext db, ChainRuntime runtime, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var waiting = db.Records.AsNoTracking().Where(r => r.BatchId == null);
        var oldestMs = await waiting.OrderBy(r => r.ReceivedAtMs).Select(r => (long?)r.ReceivedAtMs).FirstOrDefaultAsync(ct);
        var open = db.Batches.AsNoTracking().Where(b => b.State != BatchState.Confirmed);
        var backlog = new BacklogStatus(
            await waiting.CountAsync(ct),
            oldestMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null,
            await open.CountAsync(ct),
            await open.SumAsync(b => (int?)b.LeafCount, ct) ?? 0);

        var recent = await db.Batches.AsNoTracking().OrderByDescending(b => b.Id).Take(10).ToListAsync(ct);
        var stuckBeforeMs = (now - StuckAfter).ToUnixTimeMilliseconds();
        var stuck = await open
            .Where(b => (b.State == BatchState.Sealed || b.State == BatchState.Submitted) && b.SealedAtMs < stuckBeforeMs)
            .OrderBy(b => b.Id).Take(50).ToListAsync(ct);

        return TypedResults.Ok(new LedgerStatus(now, backlog, await ChainAsync(runtime, ct), [.. recent.Select(View)], [.. stuck.Select(View)]));
    }

    private static async Task<ChainStatus> ChainAsync(ChainRuntime runtime, CancellationToken ct)
    {
        if (runtime.Current is not { } chain)
        {
            return new ChainStatus(false, runtime.Problem, null, null, null, null, false);
        }
        try
        {
            var head = await chain.Client.GetBlockNumberAsync(ct);
            return new ChainStatus(true, null, chain.ChainId, chain.Contract.Address, chain.Sender.Address, head, chain.Embedded);
        }
        catch (Ledger.Chain.ChainException e)
        {
            return new ChainStatus(false, e.Message, chain.ChainId, chain.Contract.Address, chain.Sender.Address, null, chain.Embedded);
        }
    }

    private static BatchStatus View(AnchorBatch b) => new(
        b.Id, b.State, b.Root, b.LeafCount, DateTimeOffset.FromUnixTimeMilliseconds(b.SealedAtMs),
        b.TxHash, b.BlockNumber, b.Attempts, b.LastError);
}
