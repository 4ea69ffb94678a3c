namespace Ledger.Core.Canonical;

/// <summary>What canonicalization does with a number whose written decimal value no IEEE-754 double holds exactly.</summary>
public enum NumberPolicy
{
    /// <summary>
    /// Reject it (the ledger's rule): the written value must equal the shortest round-trip text of its nearest double,
    /// so a commitment never silently covers a different number than the one the issuer sent.
    /// </summary>
    ExactOnly = 0,

    /// <summary>Round it to the nearest double and serialize that, exactly as plain RFC 8785 does.</summary>
    RoundToNearestDouble = 1,
}
