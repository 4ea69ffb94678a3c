using Ledger.Core.Canonical;

namespace Ledger.Core.Tests.Canonical;

public sealed class ExactDecimalsTests
{
    [Theory]
    [InlineData("2.50", "2.5")]
    [InlineData("25e-1", "2.5")]
    [InlineData("7.00", "7")]
    [InlineData("0.1", "0.1")]
    [InlineData("-0.25", "-0.25")]
    public void ValuesAreReadExactlyAndWrittenInOneSpelling(string text, string canonical) =>
        Assert.Equal(canonical, ExactDecimals.Format(ExactDecimals.Parse(text)));

    [Fact]
    public void TenthsAddUpExactlyWhereDoublesWouldNot() =>
        Assert.Equal("0.3", ExactDecimals.Format(ExactDecimals.Parse("0.1") + ExactDecimals.Parse("0.2")));

    [Theory]
    [InlineData("abc")]
    [InlineData("1.")]
    [InlineData("12345678901234567890123456789")]
    [InlineData("1e40")]
    [InlineData("1e-40")]
    public void WhatCannotBeHeldExactlyIsRefusedRatherThanRounded(string text) =>
        Assert.Throws<FormatException>(() => ExactDecimals.Parse(text));
}
