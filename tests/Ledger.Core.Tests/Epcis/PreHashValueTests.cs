using Ledger.Core.Epcis;

namespace Ledger.Core.Tests.Epcis;

/// <summary>The value rules of the pre-hash string that the vectors touch only in part.</summary>
public sealed class PreHashValueTests
{
    [Theory]
    [InlineData("2023-01-18T11:04:03.1415Z", "2023-01-18T11:04:03.142Z")]
    [InlineData("2023-01-18T11:04:03.1414999Z", "2023-01-18T11:04:03.141Z")]
    [InlineData("2023-12-31T23:59:59.9996Z", "2024-01-01T00:00:00.000Z")]
    [InlineData("2020-04-01T15:00:00+01:00", "2020-04-01T14:00:00.000Z")]
    [InlineData("2022-02-15T01:33:31.116000-06:00", "2022-02-15T07:33:31.116Z")]
    [InlineData("2024-03-01T09:30:00.5+08:00", "2024-03-01T01:30:00.500Z")]
    public void TimestampsAreUtcWithMilliseconds(string text, string expected) => Assert.Equal(expected, HashTimestamp.TryCanonical(text));

    [Theory]
    [InlineData("26", "26")]
    [InlineData("1.0", "1")]
    [InlineData("007", "7")]
    [InlineData("0.3434000", "0.3434")]
    [InlineData("-0", "0")]
    [InlineData("1e3", "1000")]
    [InlineData("0.00001", "1e-05")]
    [InlineData("0.0001", "0.0001")]
    [InlineData("12345678901234567890", "12345678901234567168")]
    [InlineData("1234567890123456.5", "1234567890123456.5")]
    public void NumbersHaveNoTrailingZeros(string text, string expected) => Assert.Equal(expected, HashNumber.TryCanonical(text));

    [Theory]
    [InlineData("4012345.011111.9876")]
    [InlineData("+01:00")]
    [InlineData("inf")]
    [InlineData("NaN")]
    [InlineData("1_")]
    [InlineData("0x10")]
    public void TextThatIsNoFiniteNumberIsLeftAlone(string text) => Assert.Null(HashNumber.TryCanonical(text));

    [Theory]
    [InlineData("urn:epcglobal:cbv:bizstep:receiving", "https://ref.gs1.org/cbv/BizStep-receiving")]
    [InlineData("urn:epcglobal:cbv:disp:in_transit", "https://ref.gs1.org/cbv/Disp-in_transit")]
    [InlineData("urn:epcglobal:cbv:bt:4012345000009:ASN1099", "urn:epcglobal:cbv:bt:4012345000009:ASN1099")]
    public void OldCbvUrnsBecomeWebUris(string urn, string web) => Assert.Equal(web, CbvVocabulary.FromUrn(urn));

    [Fact]
    public void StringsSortByCodePointAsUtf8Does()
    {
        var strings = new List<string> { "\uFF21", "\U0001F600", "a", "B" };

        strings.Sort(CodePointOrder.Instance);

        Assert.Equal(["B", "a", "\uFF21", "\U0001F600"], strings);
    }
}
