using System.Globalization;
using System.Text.Json.Nodes;
using Ledger.Core.Records.Types.CommunityCorrection;
using Ledger.Core.Records.Types.CommunityCorrection.Compliance;

namespace Ledger.Cli.Commands.Demo;

/// <summary>One request of a scenario: whose key sends it, where, what, and the status it must get.</summary>
/// <param name="Key">The name of the embedded key that sends it (as in embedded-keys.json).</param>
/// <param name="Path">Where it is posted.</param>
/// <param name="Body">What is posted.</param>
/// <param name="Expected">The status it must get.</param>
/// <param name="What">What it is, for people.</param>
public sealed record ScenarioStep(string Key, string Path, JsonObject Body, int Expected, string What);

/// <summary>An alert the scenario must yield: its kind and its day, counted from the case's first day.</summary>
public sealed record ExpectedAlert(string Kind, int Day);

/// <summary>
/// Sixty days of one community-correction case, as the Lingyin judicial office and the Xihu judicial bureau keep it:
/// daily check-ins with four missed (three in a row), one out of the district, a 5-day leave the office approves and a
/// 10-day leave only the bureau may approve (the office's two attempts are refused, 422 and 403), weekly reports with
/// one missing, two visits, a positioning approval that expires (and a location check-in after it), and a renewal
/// refused for exceeding three months. <see cref="Alerts"/> is exactly what the compliance engine must say of it as of
/// day 60. <c>ledger demo correction</c> plays it against a running instance; the API's tests play the same steps
/// (hence public).
/// </summary>
public static class CorrectionScenario
{
    /// <summary>How many days the scenario covers: days 0 to 59; alerts are judged as of the start of day 60.</summary>
    public const int Days = 60;

    /// <summary>The judicial office's correction officer, who keeps the case.</summary>
    public const string OfficeKey = "office-correction-officer";

    /// <summary>The bureau's approver, for leaves over 7 days and positioning.</summary>
    public const string BureauKey = "bureau-approver";

    private const string CasesPath = "/api/v1/correction/cases";
    private const string RecordsPath = "/api/v1/records";
    private static readonly int[] Missed = [12, 27, 28, 29];
    private static readonly int[] ByLocation = [6, 13, 22, 38];

    /// <summary>The alerts the case must have as of day 60, in the engine's order.</summary>
    public static IReadOnlyList<ExpectedAlert> Alerts { get; } =
    [
        new(AlertKinds.MissedCheckIn, 12),
        new(AlertKinds.OutOfArea, 20),
        new(AlertKinds.MissedCheckIn, 27),
        new(AlertKinds.MissedReport, 27),
        new(AlertKinds.MissedCheckIn, 28),
        new(AlertKinds.MissedCheckIn, 29),
        new(AlertKinds.NoCheckIn, 29),
        new(AlertKinds.PositioningApprovalExpired, 36),
        new(AlertKinds.PositioningWithoutApproval, 38),
    ];

    /// <summary>The first day of a scenario played now: so that its last day is yesterday (China Standard Time).</summary>
    public static DateOnly StartFor(DateTimeOffset now) => CorrectionCalendar.DayOf(now).AddDays(-Days);

    /// <summary>The day alerts are judged at: the start of the day after the last.</summary>
    public static DateOnly AsOf(DateOnly start) => start.AddDays(Days);

    /// <summary>Every request of the scenario for case <paramref name="caseRef"/> starting on <paramref name="start"/>, in order.</summary>
    public static IReadOnlyList<ScenarioStep> Steps(string caseRef, DateOnly start)
    {
        var steps = new List<(int Day, int Hour, ScenarioStep Step)>
        {
            (0, 8, new(OfficeKey, CasesPath, OpenCase(caseRef, start), 201, "open the case: probation, daily check-ins, weekly reports, monthly visits, Xihu only")),
            (4, 16, new(BureauKey, RecordsPath, Positioning(caseRef, start, 4, start.AddDays(5), start.AddDays(35)), 202, "the bureau approves positioning for days 5 to 35")),
            (28, 15, new(OfficeKey, RecordsPath, Leave(caseRef, start, 28, 30, 34, "310101", "office"), 202, "the office approves a 5-day leave to Shanghai")),
            (40, 16, new(BureauKey, RecordsPath, Positioning(caseRef, start, 40, start.AddDays(40), start.AddDays(40).AddMonths(4)), 422, "a renewal for four months is refused: three at most")),
            (43, 15, new(OfficeKey, RecordsPath, Leave(caseRef, start, 43, 45, 54, "110101", "office"), 422, "the office may not approve a 10-day leave")),
            (43, 15, new(OfficeKey, RecordsPath, Leave(caseRef, start, 43, 45, 54, "110101", "bureau"), 403, "nor approve it in the bureau's name")),
            (43, 15, new(BureauKey, RecordsPath, Leave(caseRef, start, 43, 45, 54, "110101", "bureau"), 202, "the bureau approves the 10-day leave to Beijing")),
            (10, 14, new(OfficeKey, RecordsPath, Visit(caseRef, start, 10), 202, "a home visit")),
            (40, 14, new(OfficeKey, RecordsPath, Visit(caseRef, start, 40), 202, "a home visit")),
        };
        for (var day = 0; day < Days; day++)
        {
            if (!Missed.Contains(day))
            {
                steps.Add((day, 9, new(OfficeKey, RecordsPath, CheckIn(caseRef, start, day), 202, $"check-in in {AreaOn(day)}")));
            }
        }
        for (var week = 0; week < 8; week++)
        {
            if (week != 3)
            {
                steps.Add((7 * week + 3, 10, new(OfficeKey, RecordsPath, Report(caseRef, start, 7 * week + 3), 202, "the weekly report")));
            }
        }
        return [.. steps.OrderBy(s => s.Day).ThenBy(s => s.Hour).Select(s => s.Step with { What = $"day {s.Day,2}: {s.Step.What}" })];
    }

    private static string AreaOn(int day) => day switch
    {
        20 => "330108",
        >= 30 and <= 34 => "310101",
        >= 45 and <= 54 => "110101",
        _ => "330106",
    };

    private static JsonObject OpenCase(string caseRef, DateOnly start) => new()
    {
        ["occurredAt"] = At(start, 0, 8),
        ["payload"] = new JsonObject
        {
            ["subjectRef"] = caseRef,
            ["correctionType"] = "probation",
            ["period"] = new JsonObject { ["start"] = Date(start, 0), ["end"] = Date(start, 179) },
            ["plan"] = new JsonObject
            {
                ["checkIn"] = "daily", ["report"] = "weekly", ["visit"] = "monthly",
                ["permittedAreas"] = new JsonArray("330106"), ["maxDaysWithoutCheckIn"] = 3,
            },
            ["minor"] = false,
            ["officerRef"] = "LY-SFS-007",
        },
    };

    private static JsonObject CheckIn(string caseRef, DateOnly start, int day) => Record("check-in", At(start, day, 9), new JsonObject
    {
        ["subjectRef"] = caseRef,
        ["method"] = ByLocation.Contains(day) ? "location" : "app-face",
        ["outcome"] = "on-time",
        ["areaCode"] = AreaOn(day),
        ["officerRef"] = "LY-SFS-007",
        ["deviceRef"] = "app-7f3a",
    });

    private static JsonObject Leave(string caseRef, DateOnly start, int approvedOn, int from, int to, string destination, string level) =>
        Record("leave-approval", At(start, approvedOn, 15), new JsonObject
        {
            ["subjectRef"] = caseRef, ["from"] = Date(start, from), ["to"] = Date(start, to), ["destinationArea"] = destination,
            ["approvalLevel"] = level, ["approverRef"] = level == "office" ? "LY-SFS-007" : "XH-SFJ-002", ["reason"] = "family matters",
        });

    private static JsonObject Positioning(string caseRef, DateOnly start, int approvedOn, DateOnly from, DateOnly to) =>
        Record("positioning-approval", At(start, approvedOn, 16), new JsonObject
        {
            ["subjectRef"] = caseRef, ["reason"] = "refused-to-report-after-warning",
            ["start"] = CorrectionCalendar.Format(from), ["end"] = CorrectionCalendar.Format(to), ["approverRef"] = "XH-SFJ-002",
        });

    private static JsonObject Report(string caseRef, DateOnly start, int day) => Record("report", At(start, day, 10), new JsonObject
    {
        ["subjectRef"] = caseRef, ["channel"] = "in-person", ["officerRef"] = "LY-SFS-007",
    });

    private static JsonObject Visit(string caseRef, DateOnly start, int day) => Record("visit", At(start, day, 14), new JsonObject
    {
        ["subjectRef"] = caseRef, ["place"] = "home", ["areaCode"] = "330106", ["officerRef"] = "LY-SFS-007",
    });

    private static JsonObject Record(string type, string occurredAt, JsonObject payload) => new()
    {
        ["domain"] = "community-correction",
        ["type"] = type,
        ["occurredAt"] = occurredAt,
        ["payload"] = payload,
    };

    private static string Date(DateOnly start, int day) => CorrectionCalendar.Format(start.AddDays(day));

    private static string At(DateOnly start, int day, int hour) =>
        CorrectionCalendar.StartOf(start.AddDays(day)).AddHours(hour).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
