using System.Text.Json.Nodes;
using Ledger.Core.Records;

namespace Ledger.Core.Tests.Records;

public sealed class RecordEnvelopeTests
{
    [Fact]
    public void ToJsonWritesTheEightFieldsUnderTheirJsonNames() =>
        Assert.Equal(
            ["v", "domain", "type", "id", "issuer", "occurredAt", "payload", "salt"],
            ExampleRecords.Inspection().ToJson().Select(p => p.Key));

    [Fact]
    public void FromJsonReadsWhatToJsonWrote()
    {
        var original = ExampleRecords.Inspection();

        var read = RecordEnvelope.FromJson(JsonNode.Parse(original.ToJson().ToJsonString()));

        Assert.Equal(RecordCommitment.ComputeHash(original), RecordCommitment.ComputeHash(read));
        Assert.Equal(original.Id, read.Id);
    }

    [Fact]
    public void ToJsonCopiesThePayloadSoTheEnvelopeCannotBeChangedThroughIt()
    {
        var envelope = ExampleRecords.Inspection();
        var hash = RecordCommitment.ComputeHash(envelope);

        envelope.ToJson()["payload"]!["result"] = "fail";

        Assert.Equal(hash, RecordCommitment.ComputeHash(envelope));
    }

    [Theory]
    [InlineData("v")]
    [InlineData("domain")]
    [InlineData("type")]
    [InlineData("id")]
    [InlineData("issuer")]
    [InlineData("occurredAt")]
    [InlineData("payload")]
    [InlineData("salt")]
    public void FromJsonRefusesAMissingField(string field)
    {
        var json = ExampleRecords.Inspection().ToJson();
        json.Remove(field);

        var error = Assert.Throws<RecordFormatException>(() => RecordEnvelope.FromJson(json));

        Assert.Equal(field, error.Field);
        Assert.Contains("required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJsonRefusesAnUnknownField()
    {
        var json = ExampleRecords.Inspection().ToJson();
        json["signature"] = "0x00";

        var error = Assert.Throws<RecordFormatException>(() => RecordEnvelope.FromJson(json));

        Assert.Equal("signature", error.Field);
    }

    [Theory]
    [InlineData("ledger-record/v3")]
    [InlineData("ledger-record/V1")]
    [InlineData("")]
    public void FromJsonRefusesAnUnknownVersion(string version) =>
        AssertRefused("v", json => json["v"] = version);

    [Theory]
    [InlineData("0x9f3c")]
    [InlineData("9f3c2a7e51d84b06c8e2f1a4d7b0936e25c8f4a1b7d3e9c0a6f2b58d14e7c3a9")]
    [InlineData("0x9F3C2A7E51D84B06C8E2F1A4D7B0936E25C8F4A1B7D3E9C0A6F2B58D14E7C3A9")]
    [InlineData("0X9f3c2a7e51d84b06c8e2f1a4d7b0936e25c8f4a1b7d3e9c0a6f2b58d14e7c3a9")]
    [InlineData("0x9f3c2a7e51d84b06c8e2f1a4d7b0936e25c8f4a1b7d3e9c0a6f2b58d14e7c3a9aa")]
    [InlineData("0xzz3c2a7e51d84b06c8e2f1a4d7b0936e25c8f4a1b7d3e9c0a6f2b58d14e7c3a9")]
    public void FromJsonRefusesASaltThatIsNotThirtyTwoBytesOfLowerCaseHex(string salt) =>
        AssertRefused("salt", json => json["salt"] = salt);

    [Fact]
    public void FromJsonRefusesASaltThatIsNotAString() =>
        AssertRefused("salt", json => json["salt"] = 42);

    [Theory]
    [InlineData("2024-05-01T08:30:00+08:00")]
    [InlineData("2024-05-01T00:30:00Z")]
    [InlineData("2024-05-01T00:30:00.000")]
    public void FromJsonRefusesAnOccurredAtThatIsNotNormalized(string occurredAt) =>
        AssertRefused("occurredAt", json => json["occurredAt"] = occurredAt);

    [Theory]
    [InlineData("0B7E2A55-3C1F-4D4E-9A57-2F1C8E0D6B31")]
    [InlineData("{0b7e2a55-3c1f-4d4e-9a57-2f1c8e0d6b31}")]
    [InlineData("0b7e2a553c1f4d4e9a572f1c8e0d6b31")]
    [InlineData("record-1")]
    public void FromJsonRefusesAnIdThatIsNotALowerCaseUuid(string id) =>
        AssertRefused("id", json => json["id"] = id);

    [Theory]
    [InlineData("Food-Safety")]
    [InlineData("food safety")]
    [InlineData("")]
    public void FromJsonRefusesADomainThatIsNotALowerCaseName(string domain) =>
        AssertRefused("domain", json => json["domain"] = domain);

    [Theory]
    [InlineData("")]
    [InlineData(" scjgj-310104")]
    [InlineData("scjgj\n310104")]
    public void FromJsonRefusesABlankOrPaddedIssuer(string issuer) =>
        AssertRefused("issuer", json => json["issuer"] = issuer);

    [Fact]
    public void FromJsonRefusesAPayloadThatIsNotAnObject() =>
        AssertRefused("payload", json => json["payload"] = new JsonArray());

    [Fact]
    public void FromJsonRefusesSomethingThatIsNotAnObject() =>
        Assert.Throws<RecordFormatException>(() => RecordEnvelope.FromJson(new JsonArray()));

    [Fact]
    public void FromJsonRefusesDuplicateNamesInALazilyParsedEnvelope()
    {
        var json = ExampleRecords.Inspection().ToJson().ToJsonString().Replace("\"issuer\":", "\"issuer\":\"x\",\"issuer\":", StringComparison.Ordinal);

        var error = Assert.Throws<RecordFormatException>(() => RecordEnvelope.FromJson(JsonNode.Parse(json)));

        Assert.Contains("duplicate property names", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJsonRefusesAPayloadThatCouldNotBeHashed()
    {
        var json = ExampleRecords.Inspection().ToJson().ToJsonString().Replace("\"lot\":", "\"lot\":\"x\",\"lot\":", StringComparison.Ordinal);

        var error = Assert.Throws<RecordFormatException>(() => RecordEnvelope.FromJson(JsonNode.Parse(json)));

        Assert.Equal("payload", error.Field);
        Assert.Contains("duplicate property name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJsonRefusesAnIssuerWithAnEscapedLoneSurrogate()
    {
        var json = ExampleRecords.Inspection().ToJson().ToJsonString().Replace("scjgj-310104", "scjgj\\ud800", StringComparison.Ordinal);

        var error = Assert.Throws<RecordFormatException>(() => RecordEnvelope.FromJson(JsonNode.Parse(json)));

        Assert.Equal("issuer", error.Field);
    }

    private static void AssertRefused(string field, Action<JsonObject> spoil)
    {
        var json = ExampleRecords.Inspection().ToJson();
        spoil(json);

        var error = Assert.Throws<RecordFormatException>(() => RecordEnvelope.FromJson(json));

        Assert.Equal(field, error.Field);
    }
}
