using Ledger.Core.Access;
using Ledger.Core.Records;
using Ledger.Data.Organisations;

namespace Ledger.Data.Access;

/// <summary>What a role may do that concerns no record: the operator's views.</summary>
[Flags]
public enum ServiceRights
{
    None = 0,
    /// <summary>See the operator status (backlog, batches, chain).</summary>
    ReadStatus = 1,
    /// <summary>Create, list and revoke API keys.</summary>
    ManageKeys = 2,
}

/// <summary>One line of the role table.</summary>
/// <param name="Name">The role, as keys and tokens carry it.</param>
/// <param name="Kinds">The kinds of organisation whose staff may hold it.</param>
/// <param name="Service">What it may do that concerns no record.</param>
/// <param name="OnEveryType">Its rows of the permissions table for every record type; rows for one type live with that type.</param>
public sealed record RoleDefinition(string Name, IReadOnlyList<string> Kinds, ServiceRights Service, IReadOnlyList<RecordGrant> OnEveryType);

/// <summary>
/// Every staff role, one line each: the kinds of organisation that hold it, its service rights, and the rows of the
/// permissions table it holds for every record type. A role that works with particular types gets its rows there
/// (<c>RecordTypeDefinition.SubmittedBy</c> / <c>Grants</c>). docs/security.md prints this table.
/// </summary>
public static class RoleTable
{
    private const DataLevel L1 = DataLevel.Public;

    // No role fits two kinds, and no oversight role sits in the operator: an auditor there would read every L2–L4 record
    // of the operator's area, which the operator's own admin is denied on purpose.
    public static IReadOnlyList<RoleDefinition> All { get; } =
    [
        new(StaffRoles.Inspector, [OrganisationKinds.MarketSupervision], ServiceRights.None, []),
        new(StaffRoles.CorrectionOfficer, [OrganisationKinds.Judicial], ServiceRights.None, []),
        new(StaffRoles.CommunityWorker, [OrganisationKinds.Community], ServiceRights.None, []),
        new(StaffRoles.Auditor, [OrganisationKinds.Audit], ServiceRights.ReadStatus,
            [Every(StaffRoles.Auditor, RecordAction.Read, AccessScope.Jurisdiction), Every(StaffRoles.Auditor, RecordAction.Read, AccessScope.Anywhere, L1),
             Every(StaffRoles.Auditor, RecordAction.ReadAccessTrail, AccessScope.Jurisdiction)]),
        new(StaffRoles.Admin, [OrganisationKinds.Operator], ServiceRights.ReadStatus | ServiceRights.ManageKeys,
            [Every(StaffRoles.Admin, RecordAction.Read, AccessScope.Anywhere, L1)]),
        // Roles the coming domains need: rows for their types arrive with those types (issues #11–#13).
        new(StaffRoles.FoodEnterprise, [OrganisationKinds.Enterprise], ServiceRights.None, [Every(StaffRoles.FoodEnterprise, RecordAction.Read, AccessScope.IssuingOrganisation)]),
        new(StaffRoles.BureauApprover, [OrganisationKinds.Judicial], ServiceRights.None, []),
        new(StaffRoles.Resident, [OrganisationKinds.Community], ServiceRights.None, []),
    ];

    /// <summary>Every role name, in the table's order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(r => r.Name)];

    /// <summary>The line of <paramref name="role"/>, or null for a name that is not a ledger role.</summary>
    public static RoleDefinition? Find(string? role) => All.FirstOrDefault(r => r.Name == role);

    private static RecordGrant Every(string role, RecordAction action, AccessScope scope, DataLevel upTo = DataLevel.HighlySensitive) =>
        new(role, action, scope, upTo);
}
