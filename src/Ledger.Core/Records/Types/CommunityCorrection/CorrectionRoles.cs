using Ledger.Core.Access;

namespace Ledger.Core.Records.Types.CommunityCorrection;

/// <summary>
/// Who works with community-correction records: correction officers of judicial offices and bureaus keep the case
/// day to day; bureau approvers (the county-level judicial bureau) approve what the law reserves to the bureau — leaves
/// over seven days and electronic positioning — and read the cases of their district to do so.
/// </summary>
public static class CorrectionRoles
{
    /// <summary>A correction officer (社区矫正工作人员) of a judicial office or bureau.</summary>
    public const string Officer = "correction-officer";

    /// <summary>An approver of the county-level judicial bureau (司法局).</summary>
    public const string BureauApprover = "bureau-approver";

    /// <summary>Bureau approvers read the records of the cases in their district, to approve what is theirs to approve.</summary>
    public static IReadOnlyList<RecordGrant> BureauReads { get; } = [new(BureauApprover, RecordAction.Read, AccessScope.Jurisdiction)];

    /// <summary>
    /// Correction officers' rows for a type they read but do not submit (an approval the bureau issues): they read it in
    /// their district, and erase and see the trail of their own organisation's records, as for every type of the domain.
    /// </summary>
    public static IReadOnlyList<RecordGrant> OfficerReads { get; } =
    [
        new(Officer, RecordAction.Read, AccessScope.Jurisdiction),
        new(Officer, RecordAction.Read, AccessScope.Anywhere, DataLevel.Public),
        new(Officer, RecordAction.Erase, AccessScope.IssuingOrganisation),
        new(Officer, RecordAction.ReadAccessTrail, AccessScope.IssuingOrganisation),
    ];
}
