using System.Text.Json.Nodes;
using Ledger.Core.Records;
using Ledger.Core.Records.Types.FoodSafety.Inspection;

namespace Ledger.Core.Tests.Records;

/// <summary>
/// Envelopes name their type version (ledger-record/v2); envelopes from before (ledger-record/v1) keep their bytes,
/// their hash and their meaning — type version 1 — and are checked against the schema they were written with.
/// </summary>
public sealed class TypeVersionTests
{
    [Fact]
    public void AV2EnvelopeWritesItsTypeVersionAmongNineFields() =>
        Assert.Equal(
            ["v", "domain", "type", "typeVersion", "id", "issuer", "occurredAt", "payload", "salt"],
            ExampleRecords.InspectionV2().ToJson().Select(p => p.Key));

    [Fact]
    public void TheV2FormOfTheWorkedExampleHasThePinnedCanonicalTextAndHash()
    {
        var envelope = ExampleRecords.InspectionV2();

        Assert.Equal(ExampleRecords.PinnedV2CanonicalText, System.Text.Encoding.UTF8.GetString(RecordCommitment.CanonicalBytes(envelope)));
        Assert.Equal(ExampleRecords.PinnedV2Hash, RecordCommitment.ComputeHash(envelope));
    }

    [Fact]
    public void AV1EnvelopeReadsBackAsTypeVersionOneWithItsHashUnchanged()
    {
        var read = RecordEnvelope.FromJson(JsonNode.Parse(ExampleRecords.PinnedCanonicalText));

        Assert.Equal((RecordEnvelope.Version1, 1), (read.Version, read.TypeVersion));
        Assert.Equal(ExampleRecords.PinnedHash, RecordCommitment.ComputeHash(read));
    }

    [Fact]
    public void AV2EnvelopeReadsBackWithItsTypeVersion()
    {
        var written = ExampleRecords.InspectionV2() with { TypeVersion = 2 };

        var read = RecordEnvelope.FromJson(JsonNode.Parse(written.ToJson().ToJsonString()));

        Assert.Equal(2, read.TypeVersion);
        Assert.Equal(RecordCommitment.ComputeHash(written), RecordCommitment.ComputeHash(read));
    }

    [Fact]
    public void AV1EnvelopeThatCarriesATypeVersionIsRefused() =>
        AssertRefused(ExampleRecords.Inspection().ToJson(), json => json["typeVersion"] = 1);

    [Fact]
    public void AV2EnvelopeWithoutATypeVersionIsRefused()
    {
        var json = ExampleRecords.InspectionV2().ToJson();
        json.Remove("typeVersion");

        var error = Assert.Throws<RecordFormatException>(() => RecordEnvelope.FromJson(json));

        Assert.Equal(("typeVersion", true), (error.Field, error.Message.Contains("required", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("1.0")]
    [InlineData("\"1\"")]
    [InlineData("null")]
    public void AV2TypeVersionThatIsNotAWholeNumberFromOneIsRefused(string literal) =>
        AssertRefused(ExampleRecords.InspectionV2().ToJson(), json => json["typeVersion"] = JsonNode.Parse(literal));

    [Fact]
    public void AV1EnvelopeCannotBeHashedWithATypeVersionOtherThanOne()
    {
        var error = Assert.Throws<RecordFormatException>(() => RecordCommitment.ComputeHash(ExampleRecords.Inspection() with { TypeVersion = 2 }));

        Assert.Equal("typeVersion", error.Field);
    }

    [Fact]
    public void TheWorkedExampleIsCheckedUnderVersionOneTheSchemaItWasWrittenWith() =>
        Assert.Empty(RecordTypeCatalog.Default.Validate(ExampleRecords.Inspection()));

    [Fact]
    public void VersionTwoRefusesTheWorkedExamplesCreditCodeForItsCheckCharacter()
    {
        var error = Assert.Single(RecordTypeCatalog.Default.Validate(ExampleRecords.InspectionV2() with { TypeVersion = 2 }));

        Assert.Equal("enterprise.creditCode", error.Field);
        Assert.Contains("check character", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NewInspectionsAreWrittenUnderVersionThreeAndVersionOneStaysReadable()
    {
        Assert.Equal(3, FoodSafetyInspection.Definition.Current.Number);
        Assert.True(FoodSafetyInspection.Definition.TryGetVersion(1, out var v1));
        Assert.Empty(v1.Validate(ExampleRecords.WorkedExamplePayload()));
    }

    [Fact]
    public void AnEnvelopeNamingAVersionItsTypeNeverHadIsReported()
    {
        var error = Assert.Single(RecordTypeCatalog.Default.Validate(ExampleRecords.InspectionV2() with { TypeVersion = 9 }));

        Assert.Equal("typeVersion", error.Field);
    }

    private static void AssertRefused(JsonObject json, Action<JsonObject> spoil)
    {
        spoil(json);

        var error = Assert.Throws<RecordFormatException>(() => RecordEnvelope.FromJson(json));

        Assert.Equal("typeVersion", error.Field);
    }
}
