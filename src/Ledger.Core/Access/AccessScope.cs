namespace Ledger.Core.Access;

/// <summary>Whose records a row of the permissions table reaches, seen from the caller's organisation.</summary>
public enum AccessScope
{
    /// <summary>Records the caller's own organisation issued.</summary>
    IssuingOrganisation,
    /// <summary>
    /// Records the caller's own organisation issued, or an organisation below it (its parent's parent, …), which is
    /// always in the same jurisdiction: the registry refuses a parent elsewhere.
    /// </summary>
    IssuerOrAbove,
    /// <summary>Records issued in the caller's jurisdiction: the issuer's area code is the caller's.</summary>
    Jurisdiction,
    /// <summary>Records of any issuer, anywhere; the table allows it only up to L1 (published data).</summary>
    Anywhere,
}
