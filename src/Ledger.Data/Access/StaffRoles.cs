namespace Ledger.Data.Access;

/// <summary>The role names stored with staff accounts and keys (the API's <c>Roles</c> builds on these).</summary>
public static class StaffRoles
{
    public const string Admin = "admin";
    public const string Inspector = "inspector";
    public const string CorrectionOfficer = "correction-officer";
    public const string CommunityWorker = "community-worker";
    /// <summary>Staff of a food company, who will report traceability events for its lots.</summary>
    public const string FoodEnterprise = "food-enterprise";
    /// <summary>Staff of a judicial bureau who approve what a local judicial office may not decide alone.</summary>
    public const string BureauApprover = "bureau-approver";
    /// <summary>A resident of a community, who will vote on and object to its decisions.</summary>
    public const string Resident = "resident";
    public const string Auditor = "auditor";

    /// <summary>Every role, in the order the start-up banner lists them: the order of <see cref="RoleTable.All"/>.</summary>
    public static IReadOnlyList<string> All => RoleTable.Names;

    public static bool IsKnown(string? role) => role is not null && All.Contains(role);
}
