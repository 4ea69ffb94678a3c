using System.Text.Json.Nodes;
using Ledger.Core.Canonical;

namespace Ledger.Core.Records.Types.SharedCommunity.TimeBank;

/// <summary>Checks the time-bank types that spend hours share.</summary>
public static class TimebankHours
{
    /// <summary>The schema's pattern allows "0" and "0.00"; spending nothing is not a redemption or a transfer.</summary>
    public static PayloadError? MoreThanZero(JsonObject payload) =>
        payload["hours"]?.GetValue<string>() is { } hours && ExactDecimals.Parse(hours) <= 0
            ? new PayloadError("hours", "must be greater than 0")
            : null;
}
