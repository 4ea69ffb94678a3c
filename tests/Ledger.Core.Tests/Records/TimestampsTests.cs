using Ledger.Core.Records;

namespace Ledger.Core.Tests.Records;

public sealed class TimestampsTests
{
    [Theory]
    [InlineData("2024-05-01T08:30:00+08:00", "2024-05-01T00:30:00.000Z")]
    [InlineData("2024-05-01T00:30:00Z", "2024-05-01T00:30:00.000Z")]
    [InlineData("2024-05-01t00:30:00z", "2024-05-01T00:30:00.000Z")]
    [InlineData("2024-05-01T00:30:00.5Z", "2024-05-01T00:30:00.500Z")]
    [InlineData("2024-05-01T00:30:00.123000000Z", "2024-05-01T00:30:00.123Z")]
    [InlineData("2024-04-30T20:00:00-05:30", "2024-05-01T01:30:00.000Z")]
    [InlineData("2024-01-01T07:59:59.999+08:00", "2023-12-31T23:59:59.999Z")]
    [InlineData("2024-02-29T12:00:00-00:00", "2024-02-29T12:00:00.000Z")]
    [InlineData("1970-01-01T08:00:00+08:00", "1970-01-01T00:00:00.000Z")]
    [InlineData("9999-12-31T23:59:59.999Z", "9999-12-31T23:59:59.999Z")]
    public void Rfc3339WithAnOffsetIsNormalizedToUtcMilliseconds(string input, string expected)
    {
        Assert.True(Timestamps.TryNormalize(input, out var normalized, out var error), error);
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("2024-05-01T08:30:00")]
    [InlineData("2024-05-01T08:30:00.250")]
    public void ATimeWithoutAnOffsetIsRefusedAsAmbiguous(string input) =>
        AssertRefused(input, "no UTC offset");

    [Fact]
    public void SubMillisecondPrecisionIsRefusedRatherThanTruncated() =>
        AssertRefused("2024-05-01T00:30:00.1234Z", "sub-millisecond");

    [Theory]
    [InlineData("1969-12-31T23:59:59.999Z")]
    [InlineData("1970-01-01T07:59:59+08:00")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:00:00-01:00")]
    public void InstantsOutsideTheAcceptedRangeAreRefused(string input) =>
        AssertRefused(input, "outside the accepted range");

    [Fact]
    public void ALeapSecondIsRefusedWithAnExplanation() =>
        AssertRefused("2016-12-31T23:59:60Z", "leap second");

    [Theory]
    [InlineData("2023-02-29T00:00:00Z")]
    [InlineData("2024-13-01T00:00:00Z")]
    [InlineData("2024-05-01T24:00:00Z")]
    [InlineData("2024-05-01T00:60:00Z")]
    public void DatesAndTimesThatDoNotExistAreRefused(string input) =>
        AssertRefused(input, "does not exist");

    [Fact]
    public void AnOffsetBeyondTwentyThreeFiftyNineIsRefused() =>
        AssertRefused("2024-05-01T00:00:00+24:00", "offset is out of range");

    [Theory]
    [InlineData("")]
    [InlineData("2024-05-01")]
    [InlineData("2024-05-01 00:30:00Z")]
    [InlineData("2024-05-01T00:30Z")]
    [InlineData("2024-05-01T00:30:00Z\n")]
    [InlineData(" 2024-05-01T00:30:00Z")]
    [InlineData("2024-05-01T00:30:00+0800")]
    [InlineData("２０２４-05-01T00:30:00Z")]
    [InlineData("1714523400")]
    public void TextThatIsNotAnRfc3339DateTimeIsRefused(string input) =>
        Assert.False(Timestamps.TryNormalize(input, out _, out _));

    [Fact]
    public void FormatWritesTheNormalizedForm() =>
        Assert.Equal("2024-05-01T00:30:00.000Z", Timestamps.Format(new DateTimeOffset(2024, 5, 1, 8, 30, 0, TimeSpan.FromHours(8))));

    private static void AssertRefused(string input, string reason)
    {
        Assert.False(Timestamps.TryNormalize(input, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
