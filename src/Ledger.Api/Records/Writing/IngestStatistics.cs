namespace Ledger.Api.Records.Writing;

/// <summary>The writer's work since start: shows group commit at work (records per transaction) and its failures.</summary>
public sealed class IngestStatistics
{
    private long _commits;
    private long _records;
    private long _failed;
    private long _splits;

    /// <summary>Transactions that committed at least one record.</summary>
    public long Commits => Interlocked.Read(ref _commits);
    /// <summary>Records committed.</summary>
    public long RecordsCommitted => Interlocked.Read(ref _records);
    /// <summary>Records that could not be stored (their requests got a 500, or a 507 when the disk was full).</summary>
    public long RecordsFailed => Interlocked.Read(ref _failed);
    /// <summary>Groups whose transaction failed and were retried one record at a time.</summary>
    public long GroupsSplit => Interlocked.Read(ref _splits);

    internal void Committed(int records)
    {
        if (records > 0)
        {
            Interlocked.Increment(ref _commits);
            Interlocked.Add(ref _records, records);
            Operations.LedgerMetrics.CommitGroupSize.Observe(records);
        }
    }

    internal void Failed(int records)
    {
        Interlocked.Add(ref _failed, records);
        Operations.LedgerMetrics.RecordsFailed.Inc(records);
    }

    internal void Split() => Interlocked.Increment(ref _splits);
}
