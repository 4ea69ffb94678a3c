using Ledger.Core.Canonical;

namespace Ledger.Core.Tests.Canonical;

public sealed class JcsRejectionTests
{
    [Fact]
    public void DuplicatePropertyNamesAreRefusedWithTheirPath()
    {
        var error = Assert.Throws<CanonicalJsonException>(() => JsonCanonicalizer.Canonicalize("""{"a":{"b":1,"b":2}}"""));

        Assert.Equal("$.a.b", error.Path);
        Assert.Contains("duplicate property name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateNamesInALazilyParsedNodeAreRefused()
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse("""{"a":1,"a":2}""");

        var error = Assert.Throws<CanonicalJsonException>(() => JsonCanonicalizer.Canonicalize(node));

        Assert.Contains("duplicate property name", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""["\ud800"]""")]
    [InlineData("""["\udc00x"]""")]
    [InlineData("""["\ude02\ud83d"]""")]
    [InlineData("""{"\ud800":1}""")]
    public void EscapedLoneSurrogatesAreRefused(string json)
    {
        var error = Assert.Throws<CanonicalJsonException>(() => JsonCanonicalizer.Canonicalize(json));

        Assert.Contains("lone surrogate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARawLoneSurrogateInAStringIsRefused() =>
        Assert.Throws<CanonicalJsonException>(() => JsonCanonicalizer.Canonicalize("[\"a\ud800b\"]"));

    [Fact]
    public void ALoneSurrogateInANodeTreeIsRefusedRatherThanReplaced()
    {
        // System.Text.Json's writer would silently turn it into U+FFFD, so a different string would be hashed.
        var node = new System.Text.Json.Nodes.JsonObject { ["note"] = "a\ud800b" };

        var error = Assert.Throws<CanonicalJsonException>(() => JsonCanonicalizer.Canonicalize(node));

        Assert.Equal("$.note", error.Path);
    }

    [Fact]
    public void AnEscapedLoneSurrogateInAParsedNodeIsRefused()
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse("""{"note":"\ud800"}""");

        var error = Assert.Throws<CanonicalJsonException>(() => JsonCanonicalizer.Canonicalize(node));

        Assert.Equal("$.note", error.Path);
    }

    [Theory]
    [InlineData(new byte[] { 0x22, 0xFF, 0x22 }, 1)]
    [InlineData(new byte[] { 0x22, 0xC3, 0x22 }, 1)]
    [InlineData(new byte[] { 0x22, 0x61, 0xED, 0xA0, 0x80, 0x22 }, 2)]
    [InlineData(new byte[] { 0x22, 0xC0, 0xAF, 0x22 }, 1)]
    public void InvalidUtf8IsRefusedWithItsByteOffset(byte[] utf8, int offset)
    {
        var error = Assert.Throws<CanonicalJsonException>(() => JsonCanonicalizer.CanonicalizeUtf8(utf8));

        Assert.Contains($"not valid UTF-8 [byte {offset}]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AByteOrderMarkIsRefused() =>
        Assert.Throws<CanonicalJsonException>(() => JsonCanonicalizer.CanonicalizeUtf8([0xEF, 0xBB, 0xBF, 0x31]));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{")]
    [InlineData("[1,]")]
    [InlineData("{\"a\":1,}")]
    [InlineData("[1] [2]")]
    [InlineData("{'a':1}")]
    [InlineData("[\"tab\there\"]")]
    [InlineData("[\"\\x41\"]")]
    [InlineData("[\"\\u12\"]")]
    [InlineData("[True]")]
    [InlineData("[NaN]")]
    [InlineData("[Infinity]")]
    [InlineData("\uFEFF[]")]
    public void TextThatIsNotJsonIsRefused(string json) =>
        Assert.Throws<CanonicalJsonException>(() => JsonCanonicalizer.Canonicalize(json));

    [Fact]
    public void NestingDeeperThanSixtyFourLevelsIsRefused()
    {
        var deep = new string('[', 65) + new string(']', 65);

        Assert.Throws<CanonicalJsonException>(() => JsonCanonicalizer.Canonicalize(deep));
    }

    [Fact]
    public void NestingOfSixtyFourLevelsIsAccepted()
    {
        var deep = new string('[', 64) + new string(']', 64);

        Assert.Equal(deep, JsonCanonicalizer.CanonicalizeToString(deep));
    }

    [Fact]
    public void MessagesNameThePathButDoNotEchoLongInput()
    {
        var longName = new string('k', 500);

        var error = Assert.Throws<CanonicalJsonException>(() => JsonCanonicalizer.Canonicalize($"{{\"{longName}\":[1,2,1e400]}}"));

        Assert.StartsWith("$['kkkk", error.Path, StringComparison.Ordinal);
        Assert.EndsWith("…'][2]", error.Path, StringComparison.Ordinal);
        Assert.True(error.Message.Length < 200, error.Message);
    }
}
