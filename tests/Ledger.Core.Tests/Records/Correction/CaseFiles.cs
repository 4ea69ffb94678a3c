using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Ledger.Core.Records.Types.CommunityCorrection.Compliance;

namespace Ledger.Core.Tests.Records.Correction;

/// <summary>Builds a case file day by day for the compliance engine: day 0 is the period's first day (1 October 2026).</summary>
internal sealed class CaseFiles
{
    public static readonly DateOnly Start = new(2026, 10, 1);
    private readonly List<CaseEntry> _records = [];

    public CaseFiles(JsonObject? plan = null, int periodDays = 180)
    {
        Add("case-opened", 0, new JsonObject
        {
            ["subjectRef"] = "SQJZ-T-1",
            ["correctionType"] = "probation",
            ["period"] = new JsonObject { ["start"] = Date(0), ["end"] = Date(periodDays - 1) },
            ["plan"] = plan ?? Plan(),
            ["minor"] = false,
            ["officerRef"] = "OFF-1",
        });
    }

    public IReadOnlyList<CaseEntry> Records => _records;

    public static JsonObject Plan(string checkIn = "daily", string? report = null, string? visit = null, int? maxDays = null, params string[] areas)
    {
        var plan = new JsonObject { ["checkIn"] = checkIn, ["permittedAreas"] = new JsonArray([.. (areas.Length == 0 ? ["330106"] : areas).Select(a => (JsonNode)a)]) };
        if (report is not null) plan["report"] = report;
        if (visit is not null) plan["visit"] = visit;
        if (maxDays is not null) plan["maxDaysWithoutCheckIn"] = maxDays;
        return plan;
    }

    public static string Date(int day) => Start.AddDays(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The instant <paramref name="hour"/> o'clock China Standard Time on day <paramref name="day"/>.</summary>
    public static DateTimeOffset At(int day, int hour = 9) => new(Start.AddDays(day).ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(8));

    public CaseEntry Add(string type, int day, JsonObject payload, int hour = 9)
    {
        var entry = new CaseEntry("0x" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)), type, At(day, hour), payload);
        _records.Add(entry);
        return entry;
    }

    public CaseEntry CheckIn(int day, string area = "330106", string method = "app-face", string outcome = "on-time", int hour = 9)
    {
        var payload = new JsonObject { ["subjectRef"] = "SQJZ-T-1", ["method"] = method, ["outcome"] = outcome, ["officerRef"] = "OFF-1" };
        if (outcome != "missed") payload["areaCode"] = area;
        return Add("check-in", day, payload, hour);
    }

    public CaseFiles CheckInsEveryDay(int from, int to, params int[] except)
    {
        for (var day = from; day <= to; day++)
        {
            if (!except.Contains(day)) CheckIn(day);
        }
        return this;
    }

    public CaseEntry Leave(int approvedOn, int from, int to, string destination, string level = "office") => Add("leave-approval", approvedOn, new JsonObject
    {
        ["subjectRef"] = "SQJZ-T-1", ["from"] = Date(from), ["to"] = Date(to), ["destinationArea"] = destination, ["approvalLevel"] = level, ["approverRef"] = "OFF-1",
    }, hour: 15);

    public CaseEntry Positioning(int approvedOn, int start, string end) => Add("positioning-approval", approvedOn, new JsonObject
    {
        ["subjectRef"] = "SQJZ-T-1", ["reason"] = "revocation-proposed", ["start"] = Date(start), ["end"] = end, ["approverRef"] = "APP-1",
    }, hour: 16);

    public CaseEntry Report(int day) => Add("report", day, new JsonObject { ["subjectRef"] = "SQJZ-T-1", ["channel"] = "in-person", ["officerRef"] = "OFF-1" }, hour: 10);

    public CaseEntry Visit(int day) => Add("visit", day, new JsonObject { ["subjectRef"] = "SQJZ-T-1", ["place"] = "home", ["officerRef"] = "OFF-1" }, hour: 14);

    public CaseEntry PlanChanged(int recordedOn, int effectiveFrom, JsonObject plan) => Add("plan-changed", recordedOn, new JsonObject
    {
        ["subjectRef"] = "SQJZ-T-1", ["plan"] = plan, ["effectiveFrom"] = Date(effectiveFrom), ["reason"] = "new residence",
    }, hour: 11);

    public void Revoke(CaseEntry entry) => _records[_records.IndexOf(entry)] = entry with { Stands = false };

    public IReadOnlyList<ComplianceAlert> AlertsAsOfDay(int day) =>
        ComplianceEngine.Evaluate(new CaseFile("SQJZ-T-1", _records), new DateTimeOffset(Start.AddDays(day).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)));
}
