using System.Text.Json.Nodes;
using Ledger.Core.Records;
using Ledger.Core.Records.Chains;
using Ledger.Core.Records.Types.CommunityCorrection.CaseOpened;
using Ledger.Core.Records.Types.CommunityCorrection.CheckIn;
using Ledger.Core.Records.Types.CommunityCorrection.LeaveApproval;
using Ledger.Core.Records.Types.CommunityCorrection.PositioningApproval;

namespace Ledger.Core.Tests.Records.Correction;

public sealed class CorrectionTypesTests
{
    [Fact]
    public void EveryCommunityCorrectionTypeIsL4WithTheCaseAsItsSubjectAndChained() =>
        Assert.All(RecordTypeCatalog.Default.All.Where(t => t.Domain == RecordDomains.CommunityCorrection), t =>
        {
            Assert.Equal(DataLevel.HighlySensitive, t.Level);
            Assert.Equal("subjectRef", t.SubjectField);
            Assert.True(t.Current.Chained, $"{t.Name} is not chained");
        });

    [Fact]
    public void ASubmissionMayNotCarryItsOwnChainLink()
    {
        var payload = ExampleRecords.CheckInPayload();
        payload[ChainLink.Field] = ChainLink.First.ToJson();

        var error = Assert.Single(CommunityCorrectionCheckIn.Definition.ValidateSubmission(payload));

        Assert.Equal("chain", error.Field);
    }

    [Fact]
    public void AStoredCheckInMustCarryItsChainLink() =>
        Assert.Equal("chain", Assert.Single(CommunityCorrectionCheckIn.Definition.Validate(ExampleRecords.CheckInPayload())).Field);

    [Theory]
    [InlineData("on-time", false, "is required")]
    [InlineData("missed", true, "must be left out")]
    public void ACheckInNamesItsAreaExactlyWhenItHappened(string outcome, bool withArea, string message)
    {
        var payload = ExampleRecords.CheckInPayload();
        payload["outcome"] = outcome;
        if (!withArea)
        {
            payload.Remove("areaCode");
        }

        var error = Assert.Single(CommunityCorrectionCheckIn.Definition.ValidateSubmission(payload));

        Assert.Equal(("areaCode", true), (error.Field, error.Message.Contains(message, StringComparison.Ordinal)));
    }

    [Fact]
    public void ACaseWhosePeriodEndsBeforeItStartsIsInvalid()
    {
        var payload = Case();
        payload["period"]!["end"] = "2026-08-31";

        Assert.Equal("period.end", Assert.Single(CommunityCorrectionCaseOpened.Definition.ValidateSubmission(payload)).Field);
    }

    [Fact]
    public void AnEmptyListOfPermittedAreasIsInvalid()
    {
        var payload = Case();
        payload["plan"]!["permittedAreas"] = new JsonArray();

        Assert.Equal("plan.permittedAreas", Assert.Single(CommunityCorrectionCaseOpened.Definition.ValidateSubmission(payload)).Field);
    }

    [Theory]
    [InlineData("2026-10-01", "2026-10-07", "office", null)]
    [InlineData("2026-10-01", "2026-10-08", "office", CommunityCorrectionLeaveApproval.OfficeLimit)]
    [InlineData("2026-10-01", "2026-12-31", "bureau", null)]
    public void TheOfficeApprovesAtMostSevenDays(string from, string to, string level, string? limit)
    {
        var payload = Leave(from, to, level);

        Assert.Empty(CommunityCorrectionLeaveApproval.Definition.ValidateSubmission(payload));
        Assert.Equal(limit, CommunityCorrectionLeaveApproval.Definition.Current.BrokenLimit(payload)?.Rule);
    }

    [Theory]
    [InlineData("office", "correction-officer", false)]
    [InlineData("bureau", "bureau-approver", false)]
    [InlineData("bureau", "correction-officer", true)]
    [InlineData("office", "bureau-approver", true)]
    public void TheApprovalLevelMustBeTheSubmittersRole(string level, string role, bool refused) =>
        Assert.Equal(refused, CommunityCorrectionLeaveApproval.Definition.Current.RoleProblem(Leave("2026-10-01", "2026-10-02", level), role) is not null);

    [Theory]
    [InlineData("2026-01-31", "2026-04-29", true)]
    [InlineData("2026-01-31", "2026-04-30", false)]
    [InlineData("2026-03-01", "2026-05-31", true)]
    [InlineData("2026-03-01", "2026-06-01", false)]
    public void PositioningIsApprovedForAtMostThreeMonths(string start, string end, bool allowed)
    {
        var payload = new JsonObject
        {
            ["subjectRef"] = "SQJZ-2024-0187", ["reason"] = "revocation-proposed", ["start"] = start, ["end"] = end, ["approverRef"] = "XH-SFJ-002",
        };

        Assert.Empty(CommunityCorrectionPositioningApproval.Definition.ValidateSubmission(payload));
        Assert.Equal(allowed, CommunityCorrectionPositioningApproval.Definition.Current.BrokenLimit(payload) is null);
    }

    [Fact]
    public void PositioningNamesASituationTheLawLists()
    {
        var payload = new JsonObject
        {
            ["subjectRef"] = "SQJZ-2024-0187", ["reason"] = "convenience", ["start"] = "2026-01-01", ["end"] = "2026-02-01", ["approverRef"] = "XH-SFJ-002",
        };

        Assert.Equal("reason", Assert.Single(CommunityCorrectionPositioningApproval.Definition.ValidateSubmission(payload)).Field);
    }

    private static JsonObject Leave(string from, string to, string level) => new()
    {
        ["subjectRef"] = "SQJZ-2024-0187", ["from"] = from, ["to"] = to, ["destinationArea"] = "310101",
        ["approvalLevel"] = level, ["approverRef"] = "XH-SFS-031",
    };

    private static JsonObject Case() => new()
    {
        ["subjectRef"] = "SQJZ-2024-0187",
        ["correctionType"] = "parole",
        ["period"] = new JsonObject { ["start"] = "2026-09-01", ["end"] = "2027-08-31" },
        ["plan"] = new JsonObject { ["checkIn"] = "daily", ["permittedAreas"] = new JsonArray("330106") },
        ["minor"] = false,
        ["officerRef"] = "XH-SFS-031",
    };
}
