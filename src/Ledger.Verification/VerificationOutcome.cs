namespace Ledger.Verification;

/// <summary>What the verifier concluded about a proof bundle: the kind of verdict and the one line that says why.</summary>
public sealed record VerificationOutcome
{
    private VerificationOutcome(VerificationKind kind, string message)
    {
        Kind = kind;
        // Messages quote untrusted values (a bundle's, a node's); whatever they held, the line stays one printable line.
        Message = ValueText.OneLine(message);
    }

    /// <summary>The verdict.</summary>
    public VerificationKind Kind { get; }

    /// <summary>One printable line for a person, starting with the verdict ("valid, …", "invalid: …", …).</summary>
    public string Message { get; }

    /// <summary>True only when every check passed and the issuer was proven or accepted as unsigned.</summary>
    public bool IsValid => Kind == VerificationKind.Valid;

    internal static VerificationOutcome Valid(string details) => new(VerificationKind.Valid, "valid, " + details);

    /// <summary>The bundle is malformed, does not match the chain, or could not be checked.</summary>
    internal static VerificationOutcome Invalid(string reason) => new(VerificationKind.Invalid, "invalid: " + reason);

    internal static VerificationOutcome ChainUnavailable(string reason) => new(VerificationKind.ChainUnavailable, "error: the chain is unavailable: " + reason);

    internal static VerificationOutcome NotAnchoredYet(string reason) => new(VerificationKind.NotAnchoredYet, "not anchored yet: " + reason);

    internal static VerificationOutcome IssuerNotProven(string reason) => new(VerificationKind.IssuerNotProven, "issuer not proven: " + reason);
}
