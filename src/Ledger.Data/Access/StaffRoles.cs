namespace Ledger.Data.Access;

/// <summary>The role names stored with staff accounts and keys (the API's <c>Roles</c> builds on these).</summary>
public static class StaffRoles
{
    public const string Admin = "admin";
    public const string Inspector = "inspector";
    public const string CorrectionOfficer = "correction-officer";
    public const string CommunityWorker = "community-worker";
    public const string Auditor = "auditor";

    /// <summary>Every role, in the order the start-up banner lists them.</summary>
    public static readonly IReadOnlyList<string> All = [Inspector, CorrectionOfficer, CommunityWorker, Auditor, Admin];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role);
}
