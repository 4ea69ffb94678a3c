using System.Text.Json.Nodes;
using Ledger.Core.Records.Schemas;

namespace Ledger.Core.Tests.Records.Schemas;

/// <summary>How a JSON Schema's failures read: one error per field, in the ledger's words rather than the library's.</summary>
public sealed class PayloadSchemaTests
{
    private static readonly PayloadSchema Schema = PayloadSchema.FromText("""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "urn:ledger:record-type:test:sample:v1",
          "type": "object",
          "additionalProperties": false,
          "required": ["code", "count"],
          "properties": {
            "code": { "$ref": "#/$defs/code" },
            "count": { "type": "integer", "minimum": 1, "maximum": 9 },
            "amount": { "type": "string", "format": "exact-decimal" },
            "share": { "type": "number", "exclusiveMaximum": 1, "multipleOf": 0.25 },
            "kind": { "const": "fixed" },
            "tags": { "type": "array", "maxItems": 2, "items": { "type": "string", "minLength": 1, "maxLength": 8, "format": "single-line" } },
            "area": { "type": "string", "format": "area-code" }
          },
          "$defs": {
            "code": { "type": "string", "minLength": 2, "maxLength": 4, "pattern": "^[A-Z]+$", "errorMessage": { "pattern": "must be capital letters" } }
          }
        }
        """);

    public static TheoryData<string, string, string> BrokenPayloads => new()
    {
        { """{"code":"AB","count":3,"extra":1}""", "extra", "is not a known field; expected code, count, amount, share, kind, tags, area" },
        { """{"count":3}""", "code", "is required" },
        { """{"code":"ab","count":3}""", "code", "must be capital letters" },
        { """{"code":"ABCDE","count":3}""", "code", "must be 2 to 4 characters long" },
        { """{"code":"AB","count":3.5}""", "count", "must be a whole number" },
        { """{"code":"AB","count":"3"}""", "count", "must be a JSON number" },
        { """{"code":"AB","count":0}""", "count", "must be at least 1" },
        { """{"code":"AB","count":10}""", "count", "must be at most 9" },
        { """{"code":"AB","count":3,"share":1}""", "share", "must be less than 1" },
        { """{"code":"AB","count":3,"share":0.3}""", "share", "must be a multiple of 0.25" },
        { """{"code":"AB","count":3,"kind":"other"}""", "kind", "must be \"fixed\"" },
        { """{"code":"AB","count":3,"tags":["a","b","c"]}""", "tags", "must hold at most 2 entries" },
        { """{"code":"AB","count":3,"tags":["a","b c "]}""", "tags[1]", "must not start or end with whitespace" },
        { """{"code":"AB","count":3,"amount":"1e3"}""", "amount", "no exponent" },
        { """{"code":"AB","count":3,"area":"990000"}""", "area", "province-level" },
        { """{"code":null,"count":3}""", "code", "must not be null; leave an optional field out instead" },
    };

    [Theory]
    [MemberData(nameof(BrokenPayloads))]
    public void EachBrokenRuleIsReportedOnceAtItsFieldInTheLedgersWords(string payload, string field, string message)
    {
        var error = Assert.Single(Schema.Validate(Parse(payload)));

        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AValidPayloadHasNoErrors() =>
        Assert.Empty(Schema.Validate(Parse("""{"code":"AB","count":3,"amount":"12.50","share":0.75,"kind":"fixed","tags":["a"],"area":"330106"}""")));

    [Fact]
    public void ANumberThatCannotBeHashedExactlyIsRefusedBeforeAnySchemaRule()
    {
        var error = Assert.Single(Schema.Validate(Parse("""{"code":"AB","count":3,"extra":9007199254740993}""")));

        Assert.Equal("extra", error.Field);
        Assert.DoesNotContain("known field", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSchemaJudgesTheCanonicalNumberThatIsHashed() =>
        Assert.Empty(Schema.Validate(Parse("""{"code":"AB","count":3.0,"share":0.50}""")));

    [Fact]
    public void ALongUnknownNameIsShortenedInItsPath()
    {
        var name = new string('x', 40);

        var error = Assert.Single(Schema.Validate(Parse($$"""{"code":"AB","count":3,"{{name}}":1}""")));

        Assert.Equal(new string('x', 32) + "…", error.Field);
    }

    [Fact]
    public void SeveralBrokenFieldsAreEachReported() =>
        Assert.Equal(["code", "count"], Schema.Validate(Parse("""{"code":"a","count":0}""")).Select(e => e.Field).Order(StringComparer.Ordinal));

    // Parsed as a client's JSON arrives: System.Text.Json keeps each number's literal, exact or not.
    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
