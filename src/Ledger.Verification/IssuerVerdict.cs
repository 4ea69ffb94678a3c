namespace Ledger.Verification;

/// <summary>What <see cref="IssuerCheck"/> concluded: accepted, with a sentence for the valid line, or a refusal.</summary>
internal sealed record IssuerVerdict
{
    private IssuerVerdict(string? sentence, VerificationOutcome? refusal)
    {
        Sentence = sentence;
        Refusal = refusal;
    }

    /// <summary>When accepted: what is and is not proven about the issuer, for the end of the valid line.</summary>
    public string? Sentence { get; }

    /// <summary>When refused: the outcome to report instead of valid (exit 1 for a bad signature, 5 for not proven).</summary>
    public VerificationOutcome? Refusal { get; }

    public static IssuerVerdict Accepted(string sentence) => new(sentence, null);

    public static IssuerVerdict NotProven(string reason) => new(null, VerificationOutcome.IssuerNotProven(reason));

    public static IssuerVerdict Invalid(string reason) => new(null, VerificationOutcome.Invalid(reason));
}
