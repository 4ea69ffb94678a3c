using System.Text.Json.Nodes;
using Ledger.Core.Records.Types.FoodSafety.RapidTest;

namespace Ledger.Core.Tests.Records;

public sealed class FoodSafetyRapidTestTests
{
    /// <summary>A qualified enzyme-inhibition test of a stall's pak choi, with the lot's GS1 identifier.</summary>
    public static JsonObject QualifiedPayload() => new()
    {
        ["market"] = new JsonObject { ["name"] = "徐汇区龙华农贸市场", ["creditCode"] = "91310104MA1FL2QW7Y" },
        ["stall"] = new JsonObject { ["id"] = "LH-A017", ["name"] = "王记蔬菜" },
        ["product"] = "小白菜",
        ["lot"] = "20240430-03",
        ["lotEpc"] = "urn:epc:class:lgtin:4012345.012345.20240430-03",
        ["testItem"] = "有机磷和氨基甲酸酯类农药残留",
        ["method"] = "GB/T 5009.199 酶抑制率法",
        ["reading"] = "12.4",
        ["unit"] = "%",
        ["limit"] = "< 50",
        ["result"] = "qualified",
        ["tester"] = "LH-QC-02",
    };

    [Fact]
    public void AQualifiedTestIsValid() => Assert.Empty(FoodSafetyRapidTest.Definition.Validate(QualifiedPayload()));

    [Theory]
    [InlineData("destroyed")]
    [InlineData("withdrawn")]
    [InlineData("retest")]
    public void AnUnqualifiedTestNamingItsDisposalIsValid(string disposal)
    {
        var payload = QualifiedPayload();
        payload["result"] = "unqualified";
        payload["disposal"] = disposal;

        Assert.Empty(FoodSafetyRapidTest.Definition.Validate(payload));
    }

    [Fact]
    public void AnUnqualifiedTestWithoutADisposalIsRefused() =>
        AssertOneError(p => p["result"] = "unqualified", "disposal", "required when result is unqualified");

    [Fact]
    public void AQualifiedTestWithADisposalIsRefused() =>
        AssertOneError(p => p["disposal"] = "destroyed", "disposal", "only for an unqualified result");

    [Fact]
    public void ADisposalOutsideTheListIsRefused() =>
        AssertOneError(p => { p["result"] = "unqualified"; p["disposal"] = "sold"; }, "disposal", "destroyed, withdrawn, retest");

    [Fact]
    public void ALotEpcThatIsNoGs1IdentifierIsRefused() =>
        AssertOneError(p => p["lotEpc"] = "batch 3", "lotEpc", "EPC URN");

    [Fact]
    public void ALotEpcInDigitalLinkFormIsValid()
    {
        var payload = QualifiedPayload();
        payload["lotEpc"] = "https://id.gs1.org/01/04012345123456/10/20240430-03";

        Assert.Empty(FoodSafetyRapidTest.Definition.Validate(payload));
    }

    [Theory]
    [InlineData("market")]
    [InlineData("stall")]
    [InlineData("product")]
    [InlineData("lot")]
    [InlineData("testItem")]
    [InlineData("method")]
    [InlineData("reading")]
    [InlineData("limit")]
    [InlineData("result")]
    [InlineData("tester")]
    public void ARequiredFieldCannotBeLeftOut(string field) =>
        AssertOneError(p => p.Remove(field), field, "required");

    [Fact]
    public void AStallIdWithSpacesIsRefused() =>
        AssertOneError(p => p["stall"]!["id"] = "A 17", "stall.id", "letters, digits and hyphens");

    private static void AssertOneError(Action<JsonObject> spoil, string field, string message)
    {
        var payload = QualifiedPayload();
        spoil(payload);

        var error = Assert.Single(FoodSafetyRapidTest.Definition.Validate(payload));

        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
