using System.Text.Json.Nodes;
using Ledger.Core.Canonical;

namespace Ledger.Core.Records.Types.SharedCommunity.Fund;

/// <summary>Checks the fund types share.</summary>
public static class FundAmounts
{
    /// <summary>The schema's pattern allows "0"; an entry of nothing is not an entry.</summary>
    public static PayloadError? MoreThanZero(JsonObject payload) =>
        payload["amount"]?.GetValue<string>() is { } amount && ExactDecimals.Parse(amount) <= 0
            ? new PayloadError("amount", "must be greater than 0")
            : null;
}
