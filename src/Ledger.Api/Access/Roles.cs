namespace Ledger.Api.Access;

/// <summary>The staff roles an API key can carry, and which domain each may write to.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Inspector = "inspector";
    public const string CorrectionOfficer = "correction-officer";
    public const string CommunityWorker = "community-worker";
    public const string Auditor = "auditor";

    /// <summary>Every role, in the order the start-up banner lists them.</summary>
    public static readonly IReadOnlyList<string> All = [Inspector, CorrectionOfficer, CommunityWorker, Auditor, Admin];

    /// <summary>The one domain a submitting role writes to; null for roles that never submit records.</summary>
    public static string? SubmitsTo(string role) => role switch
    {
        Inspector => "food-safety",
        CorrectionOfficer => "community-correction",
        CommunityWorker => "shared-community",
        _ => null,
    };
}
