namespace Ledger.Verification.Evidence;

/// <summary>
/// What checking an evidence package found: one line per record (its verdict), one per whole-package check (files,
/// chain, alerts, package event), and the verdict on the whole — valid only when every part is.
/// </summary>
/// <param name="Kind">The verdict, with the meanings and exit codes of <c>ledger verify</c>.</param>
/// <param name="Lines">What was checked and what came of it, in order; each one printable line.</param>
/// <param name="Problems">What is wrong, first first; empty when valid.</param>
public sealed record PackageVerification(VerificationKind Kind, IReadOnlyList<string> Lines, IReadOnlyList<string> Problems)
{
    /// <summary>True when every file, record, proof, link and alert checked out.</summary>
    public bool IsValid => Kind == VerificationKind.Valid;

    /// <summary>The one-line verdict on the whole package.</summary>
    public string Summary => Kind switch
    {
        VerificationKind.Valid => "valid: every file, record, proof, chain link and alert of the package checks out against the chain.",
        VerificationKind.NotAnchoredYet => "not complete: some records, or the package's own event, are not anchored yet; fetch the package again once they are.",
        VerificationKind.ChainUnavailable => "error: the chain could not be asked; try again or ask another node.",
        VerificationKind.IssuerNotProven => "issuer not proven: some records carry no issuer signature the chain backs (see above).",
        _ => $"invalid: {Problems.Count} problem{(Problems.Count == 1 ? "" : "s")}, first: {Problems.FirstOrDefault()}",
    };
}
