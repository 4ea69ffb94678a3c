using System.ComponentModel.DataAnnotations;

namespace Ledger.Api.Correction;

/// <summary>How long a closed community-correction case keeps its payloads (configuration section <c>Correction</c>).</summary>
/// <remarks>
/// Set both to the archive rules that bind your judicial bureau; the defaults are a starting point, not legal advice.
/// When the period runs out, the case's payloads are crypto-shredded: its hashes, proofs and chain remain, and the
/// erasure is an anchored record.
/// </remarks>
public sealed class CorrectionOptions : IValidatableObject
{
    public const string Section = "Correction";

    /// <summary>How long after a case is closed its payloads are kept.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "36500.00:00:00")]
    public TimeSpan RetentionAfterClose { get; set; } = TimeSpan.FromDays(5 * 365);

    /// <summary>The same for a minor's case: its own, shorter period.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "36500.00:00:00")]
    public TimeSpan MinorRetentionAfterClose { get; set; } = TimeSpan.FromDays(365);

    /// <summary>How often the service looks for cases whose retention ran out.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RetentionCheckInterval { get; set; } = TimeSpan.FromHours(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MinorRetentionAfterClose > RetentionAfterClose)
        {
            yield return new ValidationResult(
                "Correction:MinorRetentionAfterClose must not be longer than Correction:RetentionAfterClose: a minor's case is kept for less time, never more.",
                [nameof(MinorRetentionAfterClose), nameof(RetentionAfterClose)]);
        }
    }
}
