using Ledger.Core.Access;

namespace Ledger.Core.Records.Types.SharedCommunity.TimeBank;

/// <summary>Permission rows shared by the shared-community types the service writes on a community worker's request.</summary>
public static class CommunityStaff
{
    /// <summary>The community worker's standard rows without submit: these records come only through their own endpoints.</summary>
    public static IReadOnlyList<RecordGrant> ServiceWritten { get; } =
        [.. RecordGrant.DomainStaff("community-worker").Where(g => g.Action != RecordAction.Submit)];
}
