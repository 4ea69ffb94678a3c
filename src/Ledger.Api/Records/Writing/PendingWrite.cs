using Ledger.Core.Records.Projections;
using Ledger.Data.Records;

namespace Ledger.Api.Records.Writing;

/// <summary>What became of a queued record. Only <see cref="Committed"/> wrote anything.</summary>
internal enum WriteOutcome
{
    /// <summary>The record, its idempotency row, its rows and projections are committed to disk.</summary>
    Committed,
    /// <summary>Nothing written: another request already holds this Idempotency-Key; answer from that request.</summary>
    KeyTaken,
    /// <summary>Nothing written: a stateful rule refused the record (see <see cref="WriteResult.Refusal"/>).</summary>
    Refused,
    /// <summary>Nothing written: the write failed (the reason is logged); the caller may retry.</summary>
    Failed,
    /// <summary>Nothing written: the disk is full (the whole group was refused); the caller may retry once space is freed.</summary>
    StorageFull,
    /// <summary>Nothing written: the writer is stopping and takes no more records.</summary>
    ShuttingDown,
}

/// <summary>
/// The outcome, the row as committed (built in the commit for some records), or the rule that refused it; for records
/// written together, every committed row in order (<see cref="Together"/>).
/// </summary>
internal sealed record WriteResult(WriteOutcome Outcome, StoredRecord? Record = null, RuleRefusal? Refusal = null)
{
    /// <summary>For records written together and committed: their rows, in the order they were queued.</summary>
    public IReadOnlyList<StoredRecord>? Together { get; init; }
}

/// <summary>
/// A prepared record waiting for the writer, and the request waiting to learn its outcome; or several records that are
/// committed all or none (<see cref="Together"/>, e.g. the events of one EPCIS capture document).
/// </summary>
internal sealed class PendingWrite(PreparedRecord record, IReadOnlyList<PreparedRecord>? together = null)
{
    // Continuations run on the thread pool, never inline on the writer loop, so a slow response cannot stall commits.
    private readonly TaskCompletionSource<WriteResult> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PreparedRecord Record { get; } = record;

    /// <summary>Records committed all or none, <see cref="Record"/> first; null for a single record.</summary>
    public IReadOnlyList<PreparedRecord>? Together { get; } = together;
    public Task<WriteResult> Result => _result.Task;

    /// <summary>Reports the result; the writer calls this only once the transaction's fate is known.</summary>
    public void Complete(WriteResult result) => _result.TrySetResult(result);

    /// <summary>Reports an outcome that wrote nothing.</summary>
    public void Complete(WriteOutcome outcome) => Complete(new WriteResult(outcome));
}
