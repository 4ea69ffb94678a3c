using Ledger.Data.Records;

namespace Ledger.Api.Records.Writing;

/// <summary>What became of a queued record. Only <see cref="Committed"/> wrote anything.</summary>
internal enum WriteOutcome
{
    /// <summary>The record, and its idempotency row if any, are committed to disk.</summary>
    Committed,
    /// <summary>Nothing written: another request already holds this Idempotency-Key; answer from that request.</summary>
    KeyTaken,
    /// <summary>Nothing written: the write failed (the reason is logged); the caller may retry.</summary>
    Failed,
    /// <summary>Nothing written: the disk is full (the whole group was refused); the caller may retry once space is freed.</summary>
    StorageFull,
    /// <summary>Nothing written: the writer is stopping and takes no more records.</summary>
    ShuttingDown,
}

/// <summary>A prepared record waiting for the writer, and the request waiting to learn its outcome.</summary>
internal sealed class PendingWrite(StoredRecord record, IdempotentSubmission? idempotency)
{
    // Continuations run on the thread pool, never inline on the writer loop, so a slow response cannot stall commits.
    private readonly TaskCompletionSource<WriteOutcome> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StoredRecord Record { get; } = record;
    public IdempotentSubmission? Idempotency { get; } = idempotency;
    public Task<WriteOutcome> Outcome => _outcome.Task;

    /// <summary>Reports the outcome; the writer calls this only once the transaction's fate is known.</summary>
    public void Complete(WriteOutcome outcome) => _outcome.TrySetResult(outcome);
}
