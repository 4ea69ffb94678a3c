using System.Text.Json.Nodes;
using Ledger.Core.Records.Types.FoodSafety.Inspection;

namespace Ledger.Core.Tests.Records;

public sealed class FoodSafetyInspectionTests
{
    [Fact]
    public void TheExamplePayloadIsValid() => Assert.Empty(FoodSafetyInspection.Definition.Validate(ExampleRecords.InspectionPayload()));

    [Fact]
    public void AMinimalPayloadWithoutOptionalFieldsIsValid()
    {
        var payload = new JsonObject
        {
            ["enterprise"] = new JsonObject { ["name"] = "王记水产摊" },
            ["product"] = "草鱼",
            ["lot"] = "A-17",
            ["inspectionKind"] = "sampling",
            ["result"] = "pending-lab",
        };

        Assert.Empty(FoodSafetyInspection.Definition.Validate(payload));
    }

    [Fact]
    public void AMisspeltOptionalFieldIsRefusedAsUnknown() =>
        AssertOneError(p => p["inspectorBadgeNo"] = "0731", "inspectorBadgeNo", "not a known field");

    [Theory]
    [InlineData("product")]
    [InlineData("lot")]
    [InlineData("enterprise")]
    [InlineData("result")]
    [InlineData("inspectionKind")]
    public void ARequiredFieldCannotBeLeftOut(string field) =>
        AssertOneError(p => p.Remove(field), field, "required");

    [Fact]
    public void AnInspectionKindOutsideTheListIsRefused() =>
        AssertOneError(p => p["inspectionKind"] = "Routine", "inspectionKind", "routine, sampling, rapid-test, complaint");

    [Theory]
    [InlineData("91310104MA1FL2QW7")]
    [InlineData("91310104MA1FL2QW7O")]
    [InlineData("91310104ma1fl2qw7b")]
    [InlineData("9131O104MA1FL2QW7B")]
    public void ACreditCodeThatIsNotEighteenValidCharactersIsRefused(string code) =>
        AssertOneError(p => p["enterprise"]!["creditCode"] = code, "enterprise.creditCode", "must be");

    [Fact]
    public void AnOverlongProductNameIsRefused() =>
        AssertOneError(p => p["product"] = new string('肉', 201), "product", "1 to 200 characters");

    [Fact]
    public void AValueWithSurroundingSpacesIsRefused() =>
        AssertOneError(p => p["lot"] = "A-17 ", "lot", "whitespace");

    [Fact]
    public void ANullOptionalFieldIsRefused() =>
        AssertOneError(p => p["reportNo"] = null, "reportNo", "must not be null");

    [Fact]
    public void AnEmptyItemsArrayIsRefused() =>
        AssertOneError(p => p["items"] = new JsonArray(), "items", "1 to 100 entries");

    [Fact]
    public void AnUnknownFieldInsideAnItemIsRefused() =>
        AssertOneError(p => p["items"]![0]!["method"] = "GB 5009", "items[0].method", "not a known field");

    [Theory]
    [InlineData("urn:epc:class:lgtin:4012345.012345.20240430-03")]
    [InlineData("https://id.gs1.org/01/04012345123456/10/20240430-03")]
    public void AGs1LotInEitherSpellingIsValidFromVersionThree(string lotEpc)
    {
        var payload = ExampleRecords.InspectionPayload();
        payload["lotEpc"] = lotEpc;

        Assert.Empty(FoodSafetyInspection.Definition.Validate(payload));
        Assert.True(FoodSafetyInspection.Definition.TryGetVersion(2, out var v2));
        Assert.Contains(v2.Validate(payload), e => e.Field == "lotEpc");
    }

    [Fact]
    public void ALotEpcThatIsNoGs1IdentifierIsRefused() =>
        AssertOneError(p => p["lotEpc"] = "batch 3", "lotEpc", "EPC URN");

    [Fact]
    public void AnOverallPassWithAFailedItemIsRefused() =>
        AssertOneError(p => p["items"]![0]!["result"] = "fail", "result", "every item to pass");

    [Fact]
    public void ANumberWhereTextIsExpectedIsRefused() =>
        AssertOneError(p => p["lot"] = 20240430, "lot", "must be a JSON string");

    [Fact]
    public void DuplicateNamesInALazilyParsedPayloadAreReported()
    {
        var payload = (JsonObject)JsonNode.Parse(ExampleRecords.InspectionPayload().ToJsonString().Replace("\"lot\":", "\"lot\":\"x\",\"lot\":", StringComparison.Ordinal))!;

        var error = Assert.Single(FoodSafetyInspection.Definition.Validate(payload));

        Assert.Contains("duplicate property names", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEscapedLoneSurrogateInAParsedPayloadIsReported()
    {
        var payload = (JsonObject)JsonNode.Parse(ExampleRecords.InspectionPayload().ToJsonString().Replace("20240430-A", "2024\\udc00", StringComparison.Ordinal))!;

        var error = Assert.Single(FoodSafetyInspection.Definition.Validate(payload));

        Assert.Equal("lot", error.Field);
        Assert.Contains("valid Unicode", error.Message, StringComparison.Ordinal);
    }

    private static void AssertOneError(Action<JsonObject> spoil, string field, string message)
    {
        var payload = ExampleRecords.InspectionPayload();
        spoil(payload);

        var error = Assert.Single(FoodSafetyInspection.Definition.Validate(payload));

        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
