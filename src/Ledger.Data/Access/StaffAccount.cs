namespace Ledger.Data.Access;

/// <summary>A member of staff of an organisation, with one role; their API keys are credentials for this account.</summary>
public sealed class StaffAccount
{
    /// <summary>Public id, e.g. <c>stf_5c2e9a10</c>.</summary>
    public required string Id { get; init; }
    public required string OrganisationId { get; init; }
    /// <summary>A label the organisation recognises (e.g. a badge number); not necessarily a name.</summary>
    public required string Label { get; init; }
    /// <summary>One of <see cref="StaffRoles"/>.</summary>
    public required string Role { get; init; }
    public required long CreatedAtMs { get; init; }
    /// <summary>When set, every key of this account stops working.</summary>
    public long? DisabledAtMs { get; set; }
}
