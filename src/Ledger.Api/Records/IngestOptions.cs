using System.ComponentModel.DataAnnotations;

namespace Ledger.Api.Records;

/// <summary>Limits on submitted records (configuration section <c>Ingest</c>).</summary>
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
}
