using System.Text.Json.Nodes;
using Ledger.Core.Records.Types.SharedCommunity.HoursRedemption;

namespace Ledger.Core.Tests.Records;

public sealed class HoursRedemptionTests
{
    [Fact]
    public void TheExamplePayloadIsValid() => Assert.Empty(SharedCommunityHoursRedemption.Definition.Validate(Payload("1.50")));

    [Theory]
    [InlineData("0.01")]
    [InlineData("1")]
    [InlineData("1.5")]
    [InlineData("120.00")]
    public void HoursWithAtMostTwoDecimalPlacesAreValid(string hours) =>
        Assert.Empty(SharedCommunityHoursRedemption.Definition.Validate(Payload(hours)));

    [Theory]
    [InlineData("0", "greater than 0")]
    [InlineData("0.00", "greater than 0")]
    [InlineData("-1", "at most two decimal places")]
    [InlineData("1.255", "at most two decimal places")]
    [InlineData("01.5", "no exponent, plus sign or leading zeros")]
    public void HoursThatAreNotAPositiveAmountInHundredthsAreRefused(string hours, string message)
    {
        var error = Assert.Single(SharedCommunityHoursRedemption.Definition.Validate(Payload(hours)));

        Assert.Equal("hours", error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HoursSentAsANumberAreRefusedSoTheyAreNeverRoundedThroughADouble()
    {
        var payload = Payload("1");
        payload["hours"] = 1.5;

        Assert.Equal("hours", Assert.Single(SharedCommunityHoursRedemption.Definition.Validate(payload)).Field);
    }

    [Fact]
    public void TheTypeSpendsTheTimeBankBalanceUnderItsRule()
    {
        Assert.Equal(["balance-not-negative"], SharedCommunityHoursRedemption.Definition.StatefulRules.Select(r => r.Name));
        Assert.Equal(["timebank-balance"], SharedCommunityHoursRedemption.Definition.Projections.Select(p => p.Name));
    }

    private static JsonObject Payload(string hours) => new()
    {
        ["volunteerRef"] = "TB-XH-00421",
        ["hours"] = hours,
        ["service"] = "home repair",
        ["redeemedOn"] = "2024-05-02",
    };
}
