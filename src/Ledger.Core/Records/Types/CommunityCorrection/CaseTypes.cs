namespace Ledger.Core.Records.Types.CommunityCorrection;

/// <summary>The names of the community-correction record types, where code tells them apart.</summary>
public static class CaseTypes
{
    public const string Opened = "case-opened";
    public const string PlanChanged = "plan-changed";
    public const string Closed = "case-closed";
    public const string CheckIn = "check-in";
    public const string LeaveApproval = "leave-approval";
    public const string PositioningApproval = "positioning-approval";
    public const string Warning = "warning";
    public const string Report = "report";
    public const string Visit = "visit";
}
