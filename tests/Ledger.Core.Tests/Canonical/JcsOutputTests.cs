using System.Text.Json.Nodes;
using Ledger.Core.Canonical;

namespace Ledger.Core.Tests.Canonical;

public sealed class JcsOutputTests
{
    [Fact]
    public void PropertiesAreSortedByUtf16CodeUnitsNotByCodePoints()
    {
        // U+FB33 (one code unit) sorts after U+1F602 (surrogates D83D DE02) in UTF-16 order, though not by code point.
        var canonical = JsonCanonicalizer.CanonicalizeToString("{\"\uFB33\":1,\"\U0001F602\":2,\"a\":3}");

        Assert.Equal("{\"a\":3,\"\U0001F602\":2,\"\uFB33\":1}", canonical);
    }

    [Fact]
    public void OnlyQuoteBackslashAndControlCharactersAreEscaped()
    {
        var canonical = JsonCanonicalizer.CanonicalizeToString("[\"\\u0000\\u001f\\b\\f\\n\\r\\t\\\"\\\\\\/\\u007f\\u00e9</\"]");

        Assert.Equal("[\"\\u0000\\u001f\\b\\f\\n\\r\\t\\\"\\\\/\u007f\u00e9</\"]", canonical);
    }

    [Fact]
    public void WhitespaceBetweenTokensIsDropped() =>
        Assert.Equal("""{"a":[1,true,null]}""", JsonCanonicalizer.CanonicalizeToString(" {\r\n\t\"a\" : [ 1 , true , null ] } "));

    [Fact]
    public void ANodeTreeAndItsTextGiveTheSameBytes()
    {
        const string Json = """{"z":[1.50,"x"],"a":{"c":false,"b":null}}""";

        Assert.Equal(JsonCanonicalizer.Canonicalize(Json), JsonCanonicalizer.Canonicalize(JsonNode.Parse(Json)));
    }

    [Fact]
    public void ClrValuesInANodeTreeAreWrittenInTheirJsonForm()
    {
        var node = new JsonObject
        {
            ["decimal"] = 1.50m,
            ["long"] = 9007199254740992L,
            ["float"] = 0.1f,
            ["guid"] = Guid.Parse("6f9619ff-8b86-d011-b42d-00c04fc964ff"),
            ["char"] = 'x',
        };

        Assert.Equal(
            """{"char":"x","decimal":1.5,"float":0.1,"guid":"6f9619ff-8b86-d011-b42d-00c04fc964ff","long":9007199254740992}""",
            JsonCanonicalizer.CanonicalizeToString(node));
    }

    [Fact]
    public void AnyOtherClrValueInANodeTreeIsWrittenAsItsJsonSerialization() =>
        Assert.Equal(
            """{"v":{"A":"x","B":2}}""",
            JsonCanonicalizer.CanonicalizeToString(new JsonObject { ["v"] = JsonValue.Create(new Sample(2, "x")) }));

    [Fact]
    public void ALongBeyondTheExactDoubleRangeInANodeTreeIsRefused() =>
        Assert.Throws<CanonicalJsonException>(() => JsonCanonicalizer.Canonicalize(new JsonObject { ["id"] = 9007199254740993L }));

    [Fact]
    public void ANullNodeIsTheLiteralNull() => Assert.Equal("null", JsonCanonicalizer.CanonicalizeToString((JsonNode?)null));

    [Fact]
    public void ParseKeepsNumbersReadableAsTheirClrTypes()
    {
        var node = JsonCanonicalizer.Parse("""{"n":42,"d":2.25}""")!;

        Assert.Equal(42, node["n"]!.GetValue<int>());
        Assert.Equal(2.25m, node["d"]!.GetValue<decimal>());
    }

    public sealed record Sample(int B, string A);
}
