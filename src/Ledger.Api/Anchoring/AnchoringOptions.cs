using System.ComponentModel.DataAnnotations;

namespace Ledger.Api.Anchoring;

/// <summary>When batches are sealed, how the worker retries and who may anchor (configuration section <c>Anchoring</c>).</summary>
public sealed class AnchoringOptions : IValidatableObject
{
    public const string Section = "Anchoring";

    /// <summary>Seal once the oldest pending record has waited this long.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan BatchInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Seal at once when this many records are pending; also the largest batch.</summary>
    /// <remarks>
    /// An anchor costs about 54,300 gas whatever the batch's size, so a full default batch costs 26.5 gas per record
    /// (issue #14's target is at most 50; docs/benchmarks-gas-and-import.md). Proofs are 11 hashes long at this size.
    /// </remarks>
    [Range(1, 100_000)]
    public int MaxBatchSize { get; set; } = 2048;

    /// <summary>How often the worker looks for work.</summary>
    /// <remarks>200 ms: a record's wait from acceptance to anchor is the batch interval plus the blocks plus up to two
    /// polls (one before sealing, one before the inclusion is seen), and issue #14's target leaves the polls little
    /// room (docs/benchmarks.md). A poll that finds nothing due reads three columns by an index.</remarks>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Run the anchoring worker in this instance.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The longest wait between attempts after failures (the wait doubles from the poll interval up to this).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the anchoring lease lasts without renewal; a standby takes over this long after the leader dies.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>This instance's name in the lease; empty for host name + process id + a random part.</summary>
    [MaxLength(200)]
    public string? LeaseHolder { get; set; }

    /// <summary>Confirmed batches whose block is at most this many blocks below the head are re-checked for reorgs and lost state.</summary>
    [Range(0, 1_000_000)]
    public int ReorgWatchDepth { get; set; } = 64;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (LeaseDuration < PollInterval * 3)
        {
            yield return new ValidationResult(
                "Anchoring:LeaseDuration must be at least three Anchoring:PollInterval, or the leader loses its lease between polls.",
                [nameof(LeaseDuration)]);
        }
        if (MaxBackoff < PollInterval)
        {
            yield return new ValidationResult("Anchoring:MaxBackoff must not be shorter than Anchoring:PollInterval.", [nameof(MaxBackoff)]);
        }
    }
}
