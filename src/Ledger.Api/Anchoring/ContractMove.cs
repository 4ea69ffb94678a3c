using Ledger.Api.Chain;
using Ledger.Data;
using Ledger.Data.Anchoring;
using Ledger.Data.Issuers;
using Ledger.Data.Locking;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Anchoring;

/// <summary>
/// Anchors again, on the contract the service now uses, every batch that was anchored on another one: after an
/// upgrade from LedgerAnchor 1.0.0 (which has no issuer registry) or when an operator points Chain:ContractAddress at
/// a new deployment. The new contract's registry starts empty, so every issuer key (current and retired) rides again
/// with the first of those batches, and each retirement again with the batch that anchored the key's last records: a
/// key's validity there covers exactly the blocks of the records it signed. Records read as pending until their batch
/// is anchored again; nothing is lost.
/// </summary>
public sealed class ContractMove(LedgerDbContext db, ILogger<ContractMove> log)
{
    /// <summary>Moves the batches anchored elsewhere back to sealed, in one transaction; returns how many moved.</summary>
    public async Task<int> MoveBatchesToAsync(ConnectedChain chain, CancellationToken ct)
    {
        var current = chain.Contract.Address;
        if (!await db.Batches.AnyAsync(b => b.Contract != null && b.Contract != current, ct))
        {
            return 0;
        }
        await using var tx = await db.Database.BeginWriteTransactionAsync(ct);
        var moving = await db.Batches.Where(b => b.Contract != null && b.Contract != current).OrderBy(b => b.Id).ToListAsync(ct);
        var previous = string.Join(", ", moving.Select(b => b.Contract).Distinct());
        foreach (var batch in moving)
        {
            ForgetChain(batch, $"Anchored on {batch.Contract}, which this service no longer uses; anchoring it again on {current}.");
        }
        await db.SaveChangesAsync(ct);
        var first = await db.Batches.Where(b => b.State == BatchState.Sealed).MinAsync(b => b.Id, ct);
        await IssuerKeyRegistrations.RegisterAllAgainWithAsync(db, first, ct);
        await tx.CommitAsync(ct);
        log.LogWarning("{Count} batches were anchored on {Previous}; anchoring them again on LedgerAnchor {Current}, with every issuer key registered there from batch {First}.",
            moving.Count, previous, current, first);
        return moving.Count;
    }

    // Back to sealed, with nothing of the old contract left: not its transaction, its block, nor where to search.
    private static void ForgetChain(AnchorBatch batch, string reason)
    {
        BatchTransitions.ForgetTransactions(batch);
        batch.State = BatchState.Sealed;
        batch.ChainId = null;
        batch.Contract = null;
        batch.SearchFromBlock = null;
        batch.LastError = reason;
    }
}
