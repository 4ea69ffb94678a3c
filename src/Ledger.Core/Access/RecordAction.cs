namespace Ledger.Core.Access;

/// <summary>What a row of the permissions table lets a role do with records of a type.</summary>
public enum RecordAction
{
    /// <summary>Submit a record of the type in the name of the caller's own organisation.</summary>
    Submit,
    /// <summary>Read a stored record in full: payload, salt and envelope.</summary>
    Read,
    /// <summary>Revoke a record with an anchored ledger/revocation record.</summary>
    Revoke,
    /// <summary>Submit a corrected version that supersedes a record.</summary>
    Supersede,
    /// <summary>Erase (crypto-shred) the payloads about a data subject.</summary>
    Erase,
    /// <summary>Read who accessed a record, when and why.</summary>
    ReadAccessTrail,
}
