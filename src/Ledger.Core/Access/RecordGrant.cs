using Ledger.Core.Records;

namespace Ledger.Core.Access;

/// <summary>
/// One row of the permissions table: staff of <paramref name="Role"/> may do <paramref name="Action"/> with records
/// whose level is at most <paramref name="UpTo"/>, within <paramref name="Scope"/>. Rows only ever allow; whatever no
/// row allows is refused.
/// </summary>
/// <param name="Role">A staff role, e.g. <c>inspector</c>.</param>
/// <param name="Action">What the row allows.</param>
/// <param name="Scope">Whose records it reaches.</param>
/// <param name="UpTo">The highest data level it reaches.</param>
public sealed record RecordGrant(string Role, RecordAction Action, AccessScope Scope, DataLevel UpTo = DataLevel.HighlySensitive)
{
    /// <summary>
    /// The rows a type gives a role that submits it (<see cref="RecordTypeDefinition.SubmittedBy"/>): submit for its
    /// own organisation; read in its jurisdiction, and L1 anywhere; revoke and correct records of its organisation or
    /// one below it; erase subjects and read the access trail of its own organisation's records.
    /// </summary>
    public static IReadOnlyList<RecordGrant> DomainStaff(string role) =>
    [
        new(role, RecordAction.Submit, AccessScope.IssuingOrganisation),
        new(role, RecordAction.Read, AccessScope.Jurisdiction),
        new(role, RecordAction.Read, AccessScope.Anywhere, DataLevel.Public),
        new(role, RecordAction.Revoke, AccessScope.IssuerOrAbove),
        new(role, RecordAction.Supersede, AccessScope.IssuerOrAbove),
        new(role, RecordAction.Erase, AccessScope.IssuingOrganisation),
        new(role, RecordAction.ReadAccessTrail, AccessScope.IssuingOrganisation),
    ];

    /// <summary>Why this row may not stand, or null: sensitive data never leaves its jurisdiction by a row.</summary>
    public string? Problem() => Scope == AccessScope.Anywhere && UpTo > DataLevel.Public
        ? $"the row {Role} {Action} {Scope} up to L{(int)UpTo} would share non-public records across jurisdictions; Anywhere reaches L1 only"
        : string.IsNullOrWhiteSpace(Role) ? "a row names no role" : null;
}
