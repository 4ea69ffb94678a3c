using Ledger.Data.Access;

namespace Ledger.Api.Access;

/// <summary>The staff roles a caller can have; what each may do is in <see cref="PermissionTable"/>.</summary>
public static class Roles
{
    public const string Admin = StaffRoles.Admin;
    public const string Inspector = StaffRoles.Inspector;
    public const string CorrectionOfficer = StaffRoles.CorrectionOfficer;
    public const string CommunityWorker = StaffRoles.CommunityWorker;
    public const string FoodEnterprise = StaffRoles.FoodEnterprise;
    public const string BureauApprover = StaffRoles.BureauApprover;
    public const string Resident = StaffRoles.Resident;
    public const string Auditor = StaffRoles.Auditor;

    /// <summary>Every role, in the order the start-up banner lists them.</summary>
    public static readonly IReadOnlyList<string> All = StaffRoles.All;

    /// <summary>Whether <paramref name="role"/> is one of ours (a bearer token may carry anything).</summary>
    public static bool IsKnown(string? role) => StaffRoles.IsKnown(role);
}
