using Ledger.Data.Organisations;

namespace Ledger.Api.Access;

/// <summary>A demo organisation of embedded mode; <paramref name="ParentId"/> is the one above it, if any.</summary>
public sealed record DemoOrganisation(string Id, string Name, string Kind, string AreaCode, string? ParentId = null);

/// <summary>
/// The demo organisations embedded mode registers: one of each kind in Hangzhou's Xihu district (330106), whose staff
/// get the printed keys, and their counterparts in Binjiang district (330108), so that "another jurisdiction" is real.
/// Below the Xihu judicial bureau sits a township judicial office, so "an organisation above the issuer" is real too.
/// </summary>
public static class EmbeddedOrganisations
{
    public const string HomeArea = "330106";
    public const string NeighbourArea = "330108";

    /// <summary>The Xihu judicial bureau, above <see cref="JudicialOffice"/>.</summary>
    public const string JudicialBureau = "demo-judicial-bureau";

    /// <summary>A township judicial office below the Xihu judicial bureau, where correction officers work day to day.</summary>
    public const string JudicialOffice = "demo-lingyin-judicial-office";

    public static IReadOnlyList<DemoOrganisation> All { get; } =
    [
        new("demo-market-supervision-bureau", "Xihu District Market Supervision Bureau (demo)", OrganisationKinds.MarketSupervision, HomeArea),
        new(JudicialBureau, "Xihu District Judicial Bureau (demo)", OrganisationKinds.Judicial, HomeArea),
        new(JudicialOffice, "Lingyin Sub-district Judicial Office (demo)", OrganisationKinds.Judicial, HomeArea, JudicialBureau),
        new("demo-community-committee", "Wenxin Community Residents' Committee (demo)", OrganisationKinds.Community, HomeArea),
        new("demo-food-enterprise", "Green Valley Vegetables Co. (demo)", OrganisationKinds.Enterprise, HomeArea),
        new("demo-audit-office", "Xihu District Audit Office (demo)", OrganisationKinds.Audit, HomeArea),
        new("demo-ledger-operator", "Ledger operator (demo)", OrganisationKinds.Operator, HomeArea),
        new("demo-binjiang-market-supervision-bureau", "Binjiang District Market Supervision Bureau (demo)", OrganisationKinds.MarketSupervision, NeighbourArea),
        new("demo-binjiang-judicial-bureau", "Binjiang District Judicial Bureau (demo)", OrganisationKinds.Judicial, NeighbourArea),
        new("demo-binjiang-community-committee", "Changhe Community Residents' Committee (demo)", OrganisationKinds.Community, NeighbourArea),
        new("demo-binjiang-food-enterprise", "Riverside Fresh Foods Co. (demo)", OrganisationKinds.Enterprise, NeighbourArea),
        new("demo-binjiang-audit-office", "Binjiang District Audit Office (demo)", OrganisationKinds.Audit, NeighbourArea),
    ];

    /// <summary>The Xihu organisation each role's printed key acts for.</summary>
    public static string HomeOf(string role) => role switch
    {
        Roles.Inspector => "demo-market-supervision-bureau",
        Roles.CorrectionOfficer or Roles.BureauApprover => JudicialBureau,
        // A resident's key is issued in the name of the residents' committee of the community they live in.
        Roles.CommunityWorker or Roles.Resident => "demo-community-committee",
        Roles.FoodEnterprise => "demo-food-enterprise",
        Roles.Auditor => "demo-audit-office",
        _ => "demo-ledger-operator",
    };

    /// <summary>The Binjiang organisation of the same kind (the operator has none: it serves both).</summary>
    public static string NeighbourOf(string role) => role switch
    {
        Roles.Inspector => "demo-binjiang-market-supervision-bureau",
        Roles.CorrectionOfficer or Roles.BureauApprover => "demo-binjiang-judicial-bureau",
        Roles.CommunityWorker or Roles.Resident => "demo-binjiang-community-committee",
        Roles.FoodEnterprise => "demo-binjiang-food-enterprise",
        Roles.Auditor => "demo-binjiang-audit-office",
        _ => throw new ArgumentException($"No neighbouring demo organisation for the role '{role}'.", nameof(role)),
    };
}
