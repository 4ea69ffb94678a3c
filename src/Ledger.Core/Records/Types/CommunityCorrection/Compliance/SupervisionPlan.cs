using System.Text.Json.Nodes;

namespace Ledger.Core.Records.Types.CommunityCorrection.Compliance;

/// <summary>How often a duty recurs: each slot is a day, a week or a month counted from the first day of the period.</summary>
public enum Cadence
{
    /// <summary>Every day.</summary>
    Daily,
    /// <summary>Every seven days from the period's first day.</summary>
    Weekly,
    /// <summary>Every month from the period's first day (the same date, or the month's last day when it has none).</summary>
    Monthly,
}

/// <summary>
/// A supervision plan as a case-opened or plan-changed record sets it, from the day it takes effect: the check-in,
/// report and visit schedule, the permitted areas and after how many days without a check-in to raise an alert.
/// </summary>
/// <param name="EffectiveFrom">Its first day.</param>
/// <param name="RecordHash">The record that set it: the proof of every duty it sets.</param>
/// <param name="CheckIn">How often the person checks in.</param>
/// <param name="Report">How often a report is due; null when none is.</param>
/// <param name="Visit">How often an officer visits; null when none is planned.</param>
/// <param name="PermittedAreas">Area codes the person may be in without leave.</param>
/// <param name="MaxDaysWithoutCheckIn">Days in a row without a check-in that raise an alert.</param>
public sealed record SupervisionPlan(
    DateOnly EffectiveFrom, string RecordHash, Cadence CheckIn, Cadence? Report, Cadence? Visit,
    IReadOnlyList<string> PermittedAreas, int MaxDaysWithoutCheckIn)
{
    /// <summary>Days without a check-in that raise an alert when the plan does not say.</summary>
    public const int DefaultMaxDaysWithoutCheckIn = 7;

    /// <summary>Reads the plan object of a case-opened or plan-changed payload (valid under its schema).</summary>
    public static SupervisionPlan Read(JsonObject plan, DateOnly effectiveFrom, string recordHash) => new(
        effectiveFrom,
        recordHash,
        CadenceOf(plan["checkIn"])!.Value,
        CadenceOf(plan["report"]),
        CadenceOf(plan["visit"]),
        [.. plan["permittedAreas"]!.AsArray().Select(a => a!.GetValue<string>())],
        plan["maxDaysWithoutCheckIn"]?.GetValue<int>() ?? DefaultMaxDaysWithoutCheckIn);

    /// <summary>Whether the person may be in <paramref name="areaCode"/> without leave under this plan.</summary>
    public bool Permits(string areaCode) => PermittedAreas.Any(p => Schemas.Formats.AreaCode.Contains(p, areaCode));

    private static Cadence? CadenceOf(JsonNode? node) => node?.GetValue<string>() switch
    {
        null => null,
        "daily" => Cadence.Daily,
        "weekly" => Cadence.Weekly,
        "monthly" => Cadence.Monthly,
        var other => throw new InvalidOperationException($"Unknown cadence '{other}'."),
    };
}

/// <summary>One slot of a recurring duty: its first and last day.</summary>
public readonly record struct Slot(DateOnly From, DateOnly To)
{
    /// <summary>
    /// The slots of <paramref name="cadence"/> counted from <paramref name="start"/>, clipped to
    /// <paramref name="end"/> (the period's last day), in order.
    /// </summary>
    public static IEnumerable<Slot> Of(Cadence cadence, DateOnly start, DateOnly end)
    {
        for (var k = 0; ; k++)
        {
            var (from, next) = cadence switch
            {
                Cadence.Daily => (CorrectionCalendar.AddDays(start, k), CorrectionCalendar.AddDays(start, k + 1)),
                Cadence.Weekly => (CorrectionCalendar.AddDays(start, 7 * k), CorrectionCalendar.AddDays(start, 7 * (k + 1))),
                _ => (CorrectionCalendar.AddMonths(start, k), CorrectionCalendar.AddMonths(start, k + 1)),
            };
            if (from > end || (k > 0 && from == DateOnly.MaxValue))
            {
                yield break;
            }
            var to = next == DateOnly.MaxValue ? next : next.AddDays(-1);
            yield return new Slot(from, to < end ? to : end);
        }
    }

    /// <summary>Whether <paramref name="day"/> falls in the slot.</summary>
    public bool Holds(DateOnly day) => From <= day && day <= To;
}
