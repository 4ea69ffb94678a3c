using System.ComponentModel.DataAnnotations;

namespace Ledger.Api.Records;

/// <summary>Limits on submitted records and how they are written (configuration section <c>Ingest</c>).</summary>
public sealed class IngestOptions
{
    public const string Section = "Ingest";

    /// <summary>Largest accepted request body in bytes.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public long MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Deepest accepted JSON nesting.</summary>
    [Range(4, 64)]
    public int MaxJsonDepth { get; set; } = 32;

    /// <summary>How far in the future occurredAt may be, to allow for clock skew between devices.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Most records written in one SQLite transaction (group commit); 1 commits every record on its own.</summary>
    [Range(1, 10_000)]
    public int MaxRecordsPerCommit { get; set; } = 256;

    /// <summary>Accepted submissions that may wait for the writer; when full, new requests wait for room.</summary>
    [Range(1, 1_000_000)]
    public int QueueCapacity { get; set; } = 4096;

    /// <summary>How long an Idempotency-Key is remembered (at least); a retry after that creates a new record.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan IdempotencyRetention { get; set; } = TimeSpan.FromHours(24);
}
