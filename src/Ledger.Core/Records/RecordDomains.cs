namespace Ledger.Core.Records;

/// <summary>The business domains records belong to, as written in the envelope's <c>domain</c> field.</summary>
public static class RecordDomains
{
    /// <summary>Blockchain + food safety: inspections, rapid tests, traceability.</summary>
    public const string FoodSafety = "food-safety";

    /// <summary>Blockchain + community correction: check-ins, leave approvals, warnings.</summary>
    public const string CommunityCorrection = "community-correction";

    /// <summary>Blockchain + shared community: volunteer hours, community funds, resident decisions.</summary>
    public const string SharedCommunity = "shared-community";

    /// <summary>The service's own records: erasures and the access trail. No role submits them.</summary>
    public const string Ledger = "ledger";
}
