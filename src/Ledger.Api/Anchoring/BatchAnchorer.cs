using Ledger.Api.Chain;
using Ledger.Chain;
using Ledger.Data;
using Ledger.Data.Anchoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ledger.Api.Anchoring;

/// <summary>
/// Moves batches along sealed → submitted → included → confirmed, one saved step at a time (see
/// <see cref="BatchTransitions"/>), and re-checks recently confirmed batches so that confirmed is only ever reported
/// for a block that is still canonical. Each step lives in its own class: <see cref="BatchSender"/>,
/// <see cref="InclusionWatcher"/>, <see cref="ConfirmationWatcher"/>.
/// </summary>
public sealed class BatchAnchorer
{
    // Enough for sealed → submitted → included → confirmed in one look when the chain answers at once.
    private const int MaxStepsPerLook = 4;

    private readonly LedgerDbContext _db;
    private readonly ConnectedChain _chain;
    private readonly int _reorgWatchDepth;
    private readonly BatchTransitions _transitions;
    private readonly BatchSender _sender;
    private readonly InclusionWatcher _inclusion;
    private readonly ConfirmationWatcher _confirmation;

    public BatchAnchorer(
        LedgerDbContext db,
        ConnectedChain chain,
        TimeProvider time,
        AnchoringLease lease,
        IOptions<ChainOptions> chainOptions,
        IOptions<AnchoringOptions> anchoringOptions,
        ILogger<BatchAnchorer> log)
    {
        _db = db;
        _chain = chain;
        _reorgWatchDepth = anchoringOptions.Value.ReorgWatchDepth;
        _transitions = new BatchTransitions(db, chain, time);
        var reader = new ChainAnchorReader(chain);
        _sender = new BatchSender(chain, _transitions, reader, lease, chainOptions.Value, log);
        _inclusion = new InclusionWatcher(chain, _transitions, reader, _sender, log);
        _confirmation = new ConfirmationWatcher(chain, _transitions, reader, chainOptions.Value.Confirmations, log);
    }

    /// <summary>Re-checks recent confirmations, then advances every unfinished batch as far as the chain allows now.</summary>
    public async Task AdvanceAllAsync(CancellationToken ct)
    {
        await RecheckConfirmedAsync(ct);
        var open = await _db.Batches.Where(b => b.State != BatchState.Confirmed).OrderBy(b => b.Id).ToListAsync(ct);
        foreach (var batch in open)
        {
            try
            {
                await AdvanceAsync(batch, ct);
            }
            catch (ChainException e)
            {
                await _transitions.NoteAsync(batch, e.Message, ct);
                throw;
            }
        }
    }

    private async Task AdvanceAsync(AnchorBatch batch, CancellationToken ct)
    {
        for (var step = 0; step < MaxStepsPerLook; step++)
        {
            var before = batch.State;
            var advancing = batch.State switch
            {
                BatchState.Sealed => _sender.SubmitAsync(batch, ct),
                BatchState.Submitted => _inclusion.WatchAsync(batch, ct),
                BatchState.Included => _confirmation.ConfirmAsync(batch, ct),
                _ => Task.CompletedTask,
            };
            await advancing;
            if (batch.State == before)
            {
                return;
            }
        }
    }

    // A block hash commits to every block below it, so checking the newest confirmed block usually settles them all.
    private async Task RecheckConfirmedAsync(CancellationToken ct)
    {
        var head = await _chain.Client.GetBlockNumberAsync(ct);
        var floor = head > (ulong)_reorgWatchDepth ? head - (ulong)_reorgWatchDepth : 0;
        // SQL because EF cannot compare unsigned columns on SQLite; block numbers fit a signed 64-bit integer.
        var recent = await _db.Batches
            .FromSql($"SELECT * FROM anchor_batches WHERE state = {BatchState.Confirmed} AND block_number >= {(long)floor}")
            .ToListAsync(ct);
        foreach (var block in recent.GroupBy(b => b.BlockNumber!.Value).OrderByDescending(g => g.Key))
        {
            if (await _confirmation.IsCanonicalAsync(block.First(), ct))
            {
                return;
            }
            foreach (var batch in block)
            {
                await _confirmation.ReanchorAsync(batch, ct);
            }
        }
    }
}
