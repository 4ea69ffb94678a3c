namespace Ledger.Verification;

/// <summary>The verdicts the verifier can reach; <c>ledger verify</c> gives each its own exit code.</summary>
public enum VerificationKind
{
    /// <summary>Every check passed: the record is in a root the contract anchored, and the issuer is proven (or accepted as unsigned).</summary>
    Valid,

    /// <summary>The bundle is malformed, contradicts itself or the chain, or could not be checked.</summary>
    Invalid,

    /// <summary>The chain could not be asked, or gave no usable answer; try again or ask another node.</summary>
    ChainUnavailable,

    /// <summary>The bundle has no anchor yet (the record is pending); fetch the proof again in a few seconds.</summary>
    NotAnchoredYet,

    /// <summary>The anchor checks out, but nothing on chain shows who issued the record.</summary>
    IssuerNotProven,
}
