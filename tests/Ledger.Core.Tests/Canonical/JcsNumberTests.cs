using Ledger.Core.Canonical;

namespace Ledger.Core.Tests.Canonical;

public sealed class JcsNumberTests
{
    [Theory]
    [InlineData("1e21", "1e+21")]
    [InlineData("1e20", "100000000000000000000")]
    [InlineData("123456789012345680000", "123456789012345680000")]
    [InlineData("1e-7", "1e-7")]
    [InlineData("1.5e-7", "1.5e-7")]
    [InlineData("0.000001", "0.000001")]
    [InlineData("-0", "0")]
    [InlineData("-0.0e5", "0")]
    [InlineData("5e-324", "5e-324")]
    [InlineData("1.7976931348623157e308", "1.7976931348623157e+308")]
    [InlineData("-1.7976931348623157e308", "-1.7976931348623157e+308")]
    [InlineData("4.50", "4.5")]
    [InlineData("2e-3", "0.002")]
    [InlineData("1E30", "1e+30")]
    [InlineData("0.1", "0.1")]
    [InlineData("9007199254740992", "9007199254740992")]
    [InlineData("-123.456e2", "-12345.6")]
    [InlineData("100", "100")]
    public void NumbersAreWrittenAsEcmaScriptWritesThem(string literal, string expected) =>
        Assert.Equal(expected, JsonCanonicalizer.CanonicalizeToString(literal));

    [Theory]
    [InlineData(1e21, "1e+21")]
    [InlineData(-0.0, "0")]
    [InlineData(0.1 + 0.2, "0.30000000000000004")]
    [InlineData(double.Epsilon, "5e-324")]
    [InlineData(1.5e-7, "1.5e-7")]
    public void DoublesInANodeTreeAreWrittenAsEcmaScriptWritesThem(double value, string expected) =>
        Assert.Equal(expected, JsonCanonicalizer.CanonicalizeToString(System.Text.Json.Nodes.JsonValue.Create(value)));

    [Theory]
    [InlineData("9007199254740993")]
    [InlineData("12345678901234567890")]
    [InlineData("0.1000000000000000055511151231257827")]
    public void NumbersNoDoubleHoldsExactlyAreRefusedRatherThanRounded(string literal)
    {
        var error = Assert.Throws<CanonicalJsonException>(() => JsonCanonicalizer.Canonicalize($"{{\"n\":{literal}}}"));

        Assert.Contains("cannot be represented exactly as an IEEE-754 double", error.Message, StringComparison.Ordinal);
        Assert.Contains("send it as a string", error.Message, StringComparison.Ordinal);
        Assert.Equal("$.n", error.Path);
    }

    [Fact]
    public void AnIntegerTheDoubleHoldsButCanonicalTextWouldShortenIsRefused()
    {
        // 2^60 is exactly a double, yet JCS writes it 1152921504606847000: the text would no longer say what was sent.
        var error = Assert.Throws<CanonicalJsonException>(() => JsonCanonicalizer.Canonicalize("1152921504606846976"));

        Assert.Contains("1152921504606847000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RoundingPolicyRoundsWhatTheExactPolicyRefuses() =>
        Assert.Equal("9007199254740992", JsonCanonicalizer.CanonicalizeToString("9007199254740993", NumberPolicy.RoundToNearestDouble));

    [Theory]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    [InlineData("1e99999999999999999999")]
    public void NumbersBeyondTheDoubleRangeAreRefusedUnderEitherPolicy(string literal)
    {
        Assert.Throws<CanonicalJsonException>(() => JsonCanonicalizer.Canonicalize(literal));
        var error = Assert.Throws<CanonicalJsonException>(() => JsonCanonicalizer.Canonicalize(literal, NumberPolicy.RoundToNearestDouble));
        Assert.Contains("outside the IEEE-754 double range", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NumbersThatUnderflowToZeroAreRefused()
    {
        var error = Assert.Throws<CanonicalJsonException>(() => JsonCanonicalizer.Canonicalize("1e-400"));

        Assert.Contains("too small", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ZeroWithAHugeExponentIsStillZero() =>
        Assert.Equal("0", JsonCanonicalizer.CanonicalizeToString("0e99999999999999999999"));

    [Fact]
    public void ALongLiteralIsShortenedInTheMessage()
    {
        var literal = "1" + new string('0', 400) + "1";

        var error = Assert.Throws<CanonicalJsonException>(() => JsonCanonicalizer.Canonicalize(literal));

        Assert.True(error.Message.Length < 300, error.Message);
        Assert.Contains("402 characters", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("01")]
    [InlineData("+1")]
    [InlineData(".5")]
    [InlineData("1.")]
    [InlineData("1e")]
    [InlineData("-")]
    [InlineData("1.5e+")]
    public void MalformedNumbersAreRefused(string literal) =>
        Assert.Throws<CanonicalJsonException>(() => JsonCanonicalizer.Canonicalize($"[{literal}]"));

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void NaNAndInfinityInANodeTreeAreRefused(double value) =>
        Assert.Throws<CanonicalJsonException>(() => JsonCanonicalizer.Canonicalize(System.Text.Json.Nodes.JsonValue.Create(value)));
}
