namespace Ledger.Cli.Verification;

/// <summary>What <c>ledger verify</c> concluded: the exit code and the one line that says why.</summary>
/// <param name="ExitCode">One of the verify exit codes in <see cref="CliApp"/>.</param>
/// <param name="Message">One line for a person, starting with the verdict ("valid, …", "invalid: …", …).</param>
internal sealed record VerifyOutcome(int ExitCode, string Message)
{
    /// <summary>True only when every check passed and the issuer was proven or accepted as unsigned.</summary>
    public bool IsValid => ExitCode == CliApp.Valid;

    public static VerifyOutcome Valid(string details) => new(CliApp.Valid, "valid, " + details);

    /// <summary>The bundle is malformed, does not match the chain, or could not be checked.</summary>
    public static VerifyOutcome Invalid(string reason) => new(CliApp.Invalid, "invalid: " + reason);

    public static VerifyOutcome ChainUnavailable(string reason) => new(CliApp.Unavailable, "error: the chain is unavailable: " + reason);

    public static VerifyOutcome NotAnchoredYet(string reason) => new(CliApp.NotAnchored, "not anchored yet: " + reason);

    public static VerifyOutcome IssuerNotProven(string reason) => new(CliApp.IssuerNotProven, "issuer not proven: " + reason);
}
