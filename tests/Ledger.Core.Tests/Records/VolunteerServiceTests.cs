using System.Text.Json.Nodes;
using Ledger.Core.Canonical;
using Ledger.Core.Records.Types.SharedCommunity.VolunteerService;

namespace Ledger.Core.Tests.Records;

public sealed class VolunteerServiceTests
{
    [Fact]
    public void TheExamplePayloadIsValid() => Assert.Empty(SharedCommunityVolunteerService.Definition.Validate(ExampleRecords.VolunteerPayload()));

    [Theory]
    [InlineData("0.25")]
    [InlineData("24")]
    [InlineData("1.50")]
    [InlineData("3")]
    public void HoursWithinBoundsAndHundredthsAreValid(string hours) =>
        Assert.Empty(SharedCommunityVolunteerService.Definition.Validate(WithHours(hours)));

    [Theory]
    [InlineData("0", "greater than 0")]
    [InlineData("-1", "greater than 0")]
    [InlineData("24.01", "at most 24")]
    [InlineData("1.255", "at most 2 decimal places")]
    [InlineData("1e-7", "at most 2 decimal places")]
    [InlineData("\"2\"", "must be a JSON number")]
    public void HoursOutOfBoundsOrTooPreciseAreRefused(string hours, string message)
    {
        var error = Assert.Single(SharedCommunityVolunteerService.Definition.Validate(WithHours(hours)));

        Assert.Equal("hours", error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-02-30")]
    [InlineData("2024-4-28")]
    [InlineData("2024-04-28T00:00:00Z")]
    [InlineData("1969-12-31")]
    public void AServiceDateThatIsNotAValidDayIsRefused(string date)
    {
        var payload = ExampleRecords.VolunteerPayload();
        payload["serviceDate"] = date;

        var error = Assert.Single(SharedCommunityVolunteerService.Definition.Validate(payload));

        Assert.Equal("serviceDate", error.Field);
    }

    [Fact]
    public void AVolunteerRefThatLooksLikeAPhoneNumberIsRefused()
    {
        var payload = ExampleRecords.VolunteerPayload();
        payload["volunteerRef"] = "13812345678";

        Assert.Equal("volunteerRef", Assert.Single(SharedCommunityVolunteerService.Definition.Validate(payload)).Field);
    }

    private static JsonObject WithHours(string hoursJson)
    {
        // Parse the literal so the test covers numbers exactly as a client writes them.
        var payload = ExampleRecords.VolunteerPayload();
        payload["hours"] = JsonCanonicalizer.Parse(hoursJson);
        return payload;
    }
}
