using System.ComponentModel.DataAnnotations;

namespace Ledger.Api.Anchoring;

/// <summary>When pending records are sealed into a batch (configuration section <c>Anchoring</c>).</summary>
public sealed class AnchoringOptions
{
    public const string Section = "Anchoring";

    /// <summary>Seal once the oldest pending record has waited this long.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan BatchInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Seal at once when this many records are pending; also the largest batch.</summary>
    [Range(1, 100_000)]
    public int MaxBatchSize { get; set; } = 1000;

    /// <summary>How often the worker looks for work.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Run the anchoring worker in this instance.</summary>
    public bool Enabled { get; set; } = true;
}
