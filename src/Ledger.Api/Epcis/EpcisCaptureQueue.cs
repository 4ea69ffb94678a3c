using System.Threading.Channels;
using Ledger.Api.Access;
using Ledger.Data;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Epcis;

/// <summary>A posted document waiting for its capture job to run.</summary>
internal sealed record CaptureWork(string JobId, ReadOnlyMemory<byte> Document, Caller Caller);

/// <summary>
/// Runs capture jobs one at a time, in the order they were posted: validating a large document takes seconds, and
/// running several at once would only compete for the same cores and the one writer. Jobs left <c>running</c> by a
/// service that stopped are settled at start: the document was not kept, so one whose events are not stored failed.
/// </summary>
internal sealed class EpcisCaptureQueue(IServiceScopeFactory scopes, ILogger<EpcisCaptureQueue> log) : BackgroundService
{
    // Bounded: a document may be 32 MiB, and a burst of them must not exhaust memory; posting waits for room.
    private readonly Channel<CaptureWork> _queue = Channel.CreateBounded<CaptureWork>(new BoundedChannelOptions(8) { SingleReader = true });

    /// <summary>Queues a job whose row is already stored as running.</summary>
    public ValueTask EnqueueAsync(CaptureWork work, CancellationToken ct) => _queue.Writer.WriteAsync(work, ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunJobsAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping, including a start that failed after this service began (then the host is disposed without
            // StopAsync and would report the cancellation as this service's failure).
        }
    }

    private async Task RunJobsAsync(CancellationToken stoppingToken)
    {
        await SettleAsync(null, stoppingToken);
        await foreach (var work in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            await using var scope = scopes.CreateAsyncScope();
            try
            {
                await scope.ServiceProvider.GetRequiredService<EpcisCapture>().RunAsync(work.JobId, work.Document, work.Caller, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Message only: it never holds document content. The commit is all or none, so if it did not happen the
                // job failed; if it did, the next start settles the job as a success.
                log.LogError("Capture job {JobId} broke off: {Reason}", work.JobId, e.Message);
                await SettleAsync(work.JobId, stoppingToken);
            }
        }
    }

    // Settles one job that broke off, or at start (null) every job a stopped service left running.
    private async Task SettleAsync(string? jobId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        var running = await db.EpcisCaptureJobs.Where(j => j.Status == CaptureStatus.Running && (jobId == null || j.Id == jobId)).ToListAsync(ct);
        foreach (var job in running)
        {
            // All or none: any stored event means the commit happened before the stop.
            var stored = await db.EpcisEvents.CountAsync(e => e.CaptureId == job.Id, ct);
            job.Status = stored > 0 ? CaptureStatus.Success : CaptureStatus.Failed;
            job.EventCount = stored;
            job.ErrorsJson = stored > 0 ? null : """[{"path":"$","message":"The service stopped before this document was stored; nothing was saved. Send it again."}]""";
        }
        await db.SaveChangesAsync(ct);
    }
}
