namespace Ledger.Data.Organisations;

/// <summary>An agency that issues records or whose staff use the ledger; its area code is its jurisdiction.</summary>
public sealed class Organisation
{
    /// <summary>Stable id, lowercase letters, digits and hyphens, e.g. <c>cn-330106-market-supervision</c>; it is the issuer of its records.</summary>
    public required string Id { get; init; }
    /// <summary>Display name, e.g. "西湖区市场监督管理局".</summary>
    public required string Name { get; init; }
    /// <summary>One of <see cref="OrganisationKinds"/>.</summary>
    public required string Kind { get; init; }
    /// <summary>6-digit PRC administrative division code (e.g. 330106); the jurisdiction of the records it issues.</summary>
    public required string AreaCode { get; init; }
    /// <summary>
    /// The organisation directly above this one (e.g. the district judicial bureau above a township judicial office), in
    /// the same jurisdiction (<see cref="AreaCode.Contains"/>); null at the top. Its staff may revoke and correct this
    /// one's records.
    /// </summary>
    public string? ParentId { get; init; }
    public required long CreatedAtMs { get; init; }
}
