namespace Ledger.Data.Organisations;

/// <summary>What kind of agency an organisation is.</summary>
public static class OrganisationKinds
{
    public const string MarketSupervision = "market-supervision";
    public const string Judicial = "judicial";
    public const string Community = "community";
    /// <summary>A food company (producer, processor, distributor, market) that reports on its own lots.</summary>
    public const string Enterprise = "enterprise";
    public const string Audit = "audit";
    /// <summary>The team that runs the ledger service itself.</summary>
    public const string Operator = "operator";

    public static readonly IReadOnlyList<string> All = [MarketSupervision, Judicial, Community, Audit, Operator, Enterprise];
}
