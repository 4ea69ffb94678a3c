using Ledger.Core.Records.Schemas;
using Ledger.Core.Records.Schemas.Formats;

namespace Ledger.Core.Tests.Records.Schemas;

public sealed class LedgerFormatsTests
{
    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("91110000600037341L")]
    [InlineData("91310104MA1FL2QW7Y")]
    public void ACreditCodeWithItsCheckCharacterIsValid(string code) => Assert.Null(CreditCode.Problem(code));

    [Theory]
    [InlineData("91310104MA1FL2QW7B")]
    [InlineData("91350100M000100Y44")]
    public void ACreditCodeWithAWrongCheckCharacterIsRefusedSayingSo(string code) =>
        Assert.Contains("check character", CreditCode.Problem(code), StringComparison.Ordinal);

    [Theory]
    [InlineData("91310104MA1FL2QW7")]
    [InlineData("91310104MA1FL2QW7O")]
    [InlineData("91310104ma1fl2qw7y")]
    [InlineData("9131O104MA1FL2QW7Y")]
    public void ACreditCodeOfOtherCharactersIsRefused(string code) =>
        Assert.Contains("18 digits and capital letters", CreditCode.Problem(code), StringComparison.Ordinal);

    [Theory]
    [InlineData("12.50")]
    [InlineData("-3")]
    [InlineData("0")]
    [InlineData("0.005")]
    [InlineData("12345678901234567890123456789012345678")]
    public void AnExactDecimalIsValid(string text) => Assert.Null(ExactDecimal.Problem(text));

    [Theory]
    [InlineData("1e3", "no exponent")]
    [InlineData("+1", "plus sign")]
    [InlineData("012", "leading zeros")]
    [InlineData("1.", "decimal number")]
    [InlineData(".5", "decimal number")]
    [InlineData("1,5", "decimal number")]
    [InlineData("-0.00", "negative zero")]
    [InlineData("123456789012345678901234567890123456789", "at most 38 digits")]
    public void TextThatIsNotOneExactDecimalSpellingIsRefused(string text, string because) =>
        Assert.Contains(because.Split(' ')[^1], ExactDecimal.Problem(text), StringComparison.Ordinal);

    [Theory]
    [InlineData("330106", null)]
    [InlineData("110101", null)]
    [InlineData("33010", "6-digit")]
    [InlineData("33O106", "6-digit")]
    [InlineData("990106", "province-level")]
    public void AnAreaCodeIsSixDigitsUnderAProvince(string code, string? problem)
    {
        var found = AreaCode.Problem(code);

        if (problem is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.Contains(problem, found, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("CC-2024-0187", null)]
    [InlineData("110101199003078515", "PRC resident ID number")]
    [InlineData("13812345678", "run of 11 digits")]
    [InlineData("zhang san", "ASCII letters")]
    [InlineData(" CC-1", "whitespace")]
    [InlineData("张三丰", "ASCII letters")]
    public void APseudonymousRefRefusesIdentifyingNumbersAndNonReferences(string value, string? problem)
    {
        var found = PseudonymousRef.Problem(value);

        if (problem is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.Contains(problem, found, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("line one\nline two", true, null)]
    [InlineData("line one\nline two", false, "single line")]
    [InlineData("bell\u0007", true, "control characters")]
    [InlineData("pass ", false, "whitespace")]
    public void TextIsOneLineOrNotesWithoutControlCharactersOrOuterSpaces(string text, bool multiline, string? problem)
    {
        var found = TextLine.Problem(text, multiline);

        if (problem is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.Contains(problem, found, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryFormatIsRegisteredOnceWithADescription()
    {
        Assert.Equal(LedgerFormats.All.Count, LedgerFormats.All.Select(f => f.Name).Distinct().Count());
        Assert.All(LedgerFormats.All, f => Assert.False(string.IsNullOrWhiteSpace(f.Description)));
        Assert.All(LedgerFormats.All, f => Assert.True(LedgerFormats.IsKnown(f.Name)));
    }
}
