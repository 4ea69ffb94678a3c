using System.Threading.Channels;
using Ledger.Api.Records.Idempotency;
using Microsoft.Extensions.Options;

namespace Ledger.Api.Records.Writing;

/// <summary>
/// The one writer of new records (group commit): submitted records and the service's own (access trail, erasures,
/// revocations) alike. Requests queue their prepared records here; a single loop takes
/// whatever has queued up, at most <see cref="IngestOptions.MaxRecordsPerCommit"/>, and writes it in one SQLite
/// transaction, so many concurrent submissions share one fsync. No request is answered before its transaction's fate
/// is known. On stop the queue is closed (new requests get <see cref="WriteOutcome.ShuttingDown"/>) and what was
/// already queued is still committed.
/// </summary>
internal sealed class RecordWriter : BackgroundService
{
    private readonly Channel<PendingWrite> _queue;
    private readonly GroupCommit _commit;
    private readonly IdempotencyExpiry _expiry;
    private readonly int _maxPerCommit;

    public RecordWriter(GroupCommit commit, IdempotencyExpiry expiry, IOptions<IngestOptions> options)
    {
        _commit = commit;
        _expiry = expiry;
        _maxPerCommit = options.Value.MaxRecordsPerCommit;
        _queue = Channel.CreateBounded<PendingWrite>(new BoundedChannelOptions(options.Value.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Records waiting in the queue now (for /metrics).</summary>
    public int QueueDepth => _queue.Reader.Count;

    /// <summary>Queues a prepared record and returns once its transaction committed or failed, or its rules refused it.</summary>
    public Task<WriteResult> WriteAsync(PreparedRecord record, CancellationToken ct) => QueueAsync(new PendingWrite(record), ct);

    /// <summary>
    /// Queues records that are committed all or none, in one transaction: the first refusal or failure stores none of
    /// them. Returns once that is decided; a committed result lists every row.
    /// </summary>
    public Task<WriteResult> WriteTogetherAsync(IReadOnlyList<PreparedRecord> records, CancellationToken ct) =>
        QueueAsync(new PendingWrite(records[0], records), ct);

    private async Task<WriteResult> QueueAsync(PendingWrite pending, CancellationToken ct)
    {
        var queuedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            // Cancelled only while waiting for room in a full queue: then nothing was queued and nothing is written.
            await _queue.Writer.WriteAsync(pending, ct);
        }
        catch (ChannelClosedException)
        {
            return new WriteResult(WriteOutcome.ShuttingDown);
        }
        // Not cancellable on purpose: once queued, the record is committed or refused as a whole, and a client that
        // went away can retry with its Idempotency-Key to learn which.
        var result = await pending.Result;
        Operations.LedgerMetrics.Written(result.Outcome == WriteOutcome.Committed ? result.Record ?? result.Together?[0] : null, result.Together?.Count ?? 1, queuedAt);
        return result;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await _expiry.DeleteExpiredIfDueAsync();
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                await CommitQueuedAsync();
                await _expiry.DeleteExpiredIfDueAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: fall through to drain.
        }
        finally
        {
            // Close first, then drain: whatever got in before the close is committed, whatever comes later is refused,
            // so no request is left waiting on a writer that is gone.
            _queue.Writer.TryComplete();
            while (_queue.Reader.TryPeek(out _))
            {
                await CommitQueuedAsync();
            }
        }
    }

    private async Task CommitQueuedAsync()
    {
        var group = new List<PendingWrite>();
        while (group.Count < _maxPerCommit && _queue.Reader.TryRead(out var item))
        {
            group.Add(item);
        }
        await _commit.WriteAsync(group);
    }
}
