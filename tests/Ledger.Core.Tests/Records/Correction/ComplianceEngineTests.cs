using Ledger.Core.Records.Types.CommunityCorrection.Compliance;
using static Ledger.Core.Tests.Records.Correction.CaseFiles;

namespace Ledger.Core.Tests.Records.Correction;

public sealed class ComplianceEngineTests
{
    [Fact]
    public void ADayWithoutACheckInIsOneMissedSlotProvedByThePlan()
    {
        var file = new CaseFiles().CheckInsEveryDay(0, 9, except: 4);

        var alert = Assert.Single(file.AlertsAsOfDay(10));

        Assert.Equal((AlertKinds.MissedCheckIn, Start.AddDays(4), Start.AddDays(4), Start.AddDays(4)), (alert.Kind, alert.Date, alert.SlotFrom, alert.SlotTo));
        Assert.Equal([file.Records[0].RecordHash], alert.Records);
    }

    [Fact]
    public void TodayIsNotJudgedBeforeItIsOver()
    {
        var file = new CaseFiles().CheckInsEveryDay(0, 9);

        Assert.Empty(file.AlertsAsOfDay(10));
        Assert.Empty(ComplianceEngine.Evaluate(new CaseFile("SQJZ-T-1", file.Records), At(10, 23)));
    }

    [Fact]
    public void ACheckInRecordedAsMissedDoesNotCountAndIsCited()
    {
        var file = new CaseFiles().CheckInsEveryDay(0, 5, except: 2);
        var missed = file.CheckIn(2, outcome: "missed");

        var alert = Assert.Single(file.AlertsAsOfDay(6));

        Assert.Equal(AlertKinds.MissedCheckIn, alert.Kind);
        Assert.Contains(missed.RecordHash, alert.Records);
    }

    [Fact]
    public void ARevokedCheckInDoesNotCount()
    {
        var file = new CaseFiles().CheckInsEveryDay(0, 5, except: 3);
        file.Revoke(file.CheckIn(3));

        Assert.Equal(AlertKinds.MissedCheckIn, Assert.Single(file.AlertsAsOfDay(6)).Kind);
    }

    [Fact]
    public void AWeeklyScheduleCountsSevenDaySlotsFromThePeriodStart()
    {
        var file = new CaseFiles(Plan("weekly", maxDays: 30));
        file.CheckIn(3);
        file.CheckIn(16);

        var alert = Assert.Single(file.AlertsAsOfDay(21));

        Assert.Equal((Start.AddDays(7), Start.AddDays(13)), (alert.SlotFrom!.Value, alert.SlotTo!.Value));
        Assert.Equal(Start.AddDays(13), alert.Date);
    }

    [Fact]
    public void ReportsAndVisitsHaveSlotsOfTheirOwn()
    {
        var file = new CaseFiles(Plan(report: "weekly", visit: "monthly")).CheckInsEveryDay(0, 34);
        file.Report(2);
        file.Report(16);
        file.Report(30);
        file.Visit(40);

        var alerts = file.AlertsAsOfDay(35);

        Assert.Equal([(AlertKinds.MissedReport, Start.AddDays(13)), (AlertKinds.MissedReport, Start.AddDays(27)), (AlertKinds.MissedVisit, Start.AddDays(30))],
            alerts.Select(a => (a.Kind, a.Date)));
    }

    [Fact]
    public void NoCheckInForTheirNumberOfDaysRaisesOneAlertPerRun()
    {
        var file = new CaseFiles(Plan(maxDays: 3)).CheckInsEveryDay(0, 14, except: [4, 5, 6, 7, 10, 11]);

        var silences = file.AlertsAsOfDay(15).Where(a => a.Kind == AlertKinds.NoCheckIn).ToList();

        var silence = Assert.Single(silences);
        Assert.Equal((Start.AddDays(6), Start.AddDays(4)), (silence.Date, silence.SlotFrom!.Value));
        Assert.Contains(file.Records.Single(r => r.Type == "check-in" && r.OccurredAt == At(3)).RecordHash, silence.Records);
    }

    [Fact]
    public void AnOutOfAreaCheckInIsAnAlertUnlessALeaveCoversThatDayAndArea()
    {
        var file = new CaseFiles().CheckInsEveryDay(0, 9, except: [3, 6, 7]);
        var uncovered = file.CheckIn(3, area: "330108");
        file.Leave(approvedOn: 5, from: 6, to: 7, destination: "310000");
        file.CheckIn(6, area: "310101");
        var elsewhere = file.CheckIn(7, area: "320102");

        var alerts = file.AlertsAsOfDay(10);

        Assert.Equal([(AlertKinds.OutOfArea, uncovered.RecordHash), (AlertKinds.OutOfArea, elsewhere.RecordHash)], alerts.Select(a => (a.Kind, a.Records[0])));
    }

    [Fact]
    public void ACityInThePermittedAreasCoversItsDistricts()
    {
        var file = new CaseFiles(Plan(areas: "330100")).CheckInsEveryDay(0, 3, except: 2);
        file.CheckIn(2, area: "330108");

        Assert.Empty(file.AlertsAsOfDay(4));
    }

    [Fact]
    public void AnOfficeLeaveOverSevenDaysCoversNothingAndIsNotEntitled()
    {
        var file = new CaseFiles().CheckInsEveryDay(0, 19, except: 12);
        var leave = file.Leave(approvedOn: 9, from: 10, to: 19, destination: "110101");
        var away = file.CheckIn(12, area: "110101");

        var alerts = file.AlertsAsOfDay(20);

        Assert.Equal([(AlertKinds.ApprovalNotEntitled, leave.RecordHash), (AlertKinds.OutOfArea, away.RecordHash)], alerts.Select(a => (a.Kind, a.Records[0])));
    }

    [Fact]
    public void PositioningNeedsAnApprovalAndItsExpiryIsAnAlert()
    {
        var file = new CaseFiles().CheckInsEveryDay(0, 29, except: [1, 5, 12]);
        file.CheckIn(1, method: "location");
        var approval = file.Positioning(approvedOn: 2, start: 3, end: Date(9));
        file.CheckIn(5, method: "location");
        var after = file.CheckIn(12, method: "location");

        var alerts = file.AlertsAsOfDay(30);

        Assert.Equal(
            [(AlertKinds.PositioningWithoutApproval, Start.AddDays(1)), (AlertKinds.PositioningApprovalExpired, Start.AddDays(10)), (AlertKinds.PositioningWithoutApproval, Start.AddDays(12))],
            alerts.Select(a => (a.Kind, a.Date)));
        Assert.Equal([after.RecordHash, approval.RecordHash], alerts[2].Records);
    }

    [Fact]
    public void ARenewalTheDayAfterMeansNoExpiry()
    {
        var file = new CaseFiles().CheckInsEveryDay(0, 29);
        file.Positioning(approvedOn: 0, start: 0, end: Date(9));
        file.Positioning(approvedOn: 8, start: 10, end: Date(40));

        Assert.Empty(file.AlertsAsOfDay(30));
    }

    [Fact]
    public void APositioningApprovalOverThreeMonthsIsFlaggedAndCoversNothing()
    {
        var file = new CaseFiles().CheckInsEveryDay(0, 4, except: 2);
        var approval = file.Positioning(approvedOn: 0, start: 0, end: "2027-01-01");
        file.CheckIn(2, method: "location");

        var alerts = file.AlertsAsOfDay(5);

        Assert.Equal([(AlertKinds.PositioningOverLimit, approval.RecordHash), (AlertKinds.PositioningWithoutApproval, alerts[1].Records[0])], alerts.Select(a => (a.Kind, a.Records[0])));
    }

    [Fact]
    public void APlanChangeAppliesFromItsDay()
    {
        var file = new CaseFiles().CheckInsEveryDay(0, 4);
        file.PlanChanged(recordedOn: 4, effectiveFrom: 5, Plan("weekly", maxDays: 30));
        file.CheckIn(8);

        Assert.Empty(file.AlertsAsOfDay(14));
    }

    [Fact]
    public void NothingIsJudgedAfterTheCaseClosed()
    {
        var file = new CaseFiles().CheckInsEveryDay(0, 4);
        file.Add("case-closed", 4, new System.Text.Json.Nodes.JsonObject { ["subjectRef"] = "SQJZ-T-1", ["closedOn"] = Date(4), ["reason"] = "death" });

        Assert.Empty(file.AlertsAsOfDay(20));
    }

    [Fact]
    public void TheSameRecordsGiveTheSameAlertsInTheSameOrder()
    {
        var file = new CaseFiles(Plan(report: "weekly", maxDays: 2)).CheckInsEveryDay(0, 29, except: [3, 4, 5, 17]);
        file.CheckIn(20, area: "330108");

        var first = file.AlertsAsOfDay(30);
        var second = file.AlertsAsOfDay(30);

        Assert.Equal(first, second);
        Assert.Equal(first.OrderBy(a => a.Date).Select(a => a.Date), first.Select(a => a.Date));
    }

    [Fact]
    public void ACaseAtTheEndOfTheCalendarIsJudgedWithoutOverflowing()
    {
        var file = new CaseFiles(Plan(report: "monthly"));
        file.Records[0].Payload["period"] = new System.Text.Json.Nodes.JsonObject { ["start"] = "9999-10-01", ["end"] = "9999-12-31" };
        file.Positioning(approvedOn: 0, start: 0, end: "9999-12-31");

        var alerts = ComplianceEngine.Evaluate(new CaseFile("SQJZ-T-1", file.Records), new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.FromHours(8)));

        Assert.NotEmpty(alerts);
    }
}
