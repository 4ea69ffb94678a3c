using System.ComponentModel.DataAnnotations;

namespace Ledger.Api.Correction;

/// <summary>How long a closed community-correction case keeps its payloads (configuration section <c>Correction</c>).</summary>
/// <remarks>
/// Neither period is set by default, so nothing is erased until an operator sets the archive rules that bind the bureau:
/// neither the Community Correction Law nor the texts found on its implementation set a period after which case data
/// must be destroyed, case files are archives kept under archive rules, and minors' records are to be sealed
/// (restricted), not destroyed (docs/community-correction.md, Retention). When a period runs out, the case's payloads
/// are crypto-shredded: its hashes, proofs and chain remain, and each erasure is an anchored record.
/// </remarks>
public sealed class CorrectionOptions : IValidatableObject
{
    public const string Section = "Correction";

    /// <summary>How long after a case is closed its payloads are kept; null (the default) keeps them until an operator decides.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "36500.00:00:00")]
    public TimeSpan? RetentionAfterClose { get; set; }

    /// <summary>
    /// The same for a minor's case: never longer than <see cref="RetentionAfterClose"/>, which it follows when only that
    /// is set; null with both unset.
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "36500.00:00:00")]
    public TimeSpan? MinorRetentionAfterClose { get; set; }

    /// <summary>How often the service looks for cases whose retention ran out.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RetentionCheckInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The period a minor's case is kept: its own, or the adults' when only that is set.</summary>
    public TimeSpan? MinorsPeriod => MinorRetentionAfterClose ?? RetentionAfterClose;

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
