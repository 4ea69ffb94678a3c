using System.Text.Json.Nodes;
using Ledger.Core.Records;
using Ledger.Core.Records.Schemas;
using Ledger.Core.Tests.Records.TestTypes.Widget;

namespace Ledger.Core.Tests.Records;

/// <summary>
/// A record type is a module (a folder with its schemas and its definition) and the catalogue is built from modules:
/// a module defined outside Ledger.Core (here, in the tests) takes part like the ledger's own, version by version.
/// </summary>
public sealed class RecordTypeCatalogTests
{
    private static readonly RecordTypeCatalog Catalog = new([.. RecordTypeCatalog.Default.All, .. RecordTypeCatalog.ModulesIn(typeof(TestWidget).Assembly)]);

    private static RecordEnvelope Widget(int typeVersion, JsonObject payload) => ExampleRecords.InspectionV2() with
    {
        Domain = "testing",
        Type = "widget",
        TypeVersion = typeVersion,
        Payload = payload,
    };

    [Fact]
    public void TheLedgersModulesAreFoundByWhatTheyAreWithoutAList() =>
        Assert.Equal(
            ["community-correction/case-closed", "community-correction/case-opened", "community-correction/check-in", "community-correction/leave-approval",
             "community-correction/plan-changed", "community-correction/positioning-approval", "community-correction/report", "community-correction/visit",
             "community-correction/warning", "food-safety/inspection", "food-safety/rapid-test", "shared-community/fund-income",
             "shared-community/hours-redemption", "shared-community/household", "shared-community/proposal", "shared-community/volunteer-service",
             "food-safety/epcis-event", "ledger/access", "ledger/erasure", "ledger/revocation",
             "shared-community/decision", "shared-community/expense-approval", "shared-community/fund-expense", "shared-community/fund-statement",
             "shared-community/hours-received", "shared-community/hours-transfer", "shared-community/objection", "shared-community/objection-resolution",
             "shared-community/service-confirmation", "shared-community/timebank-statement", "shared-community/vote", "shared-community/vote-opening"],
            RecordTypeCatalog.Default.All.Select(t => t.Name));

    [Fact]
    public void AModuleFromAnotherAssemblyIsFoundWithItsSchemasAndVersions()
    {
        Assert.True(Catalog.TryGetSubmittable("testing", "widget", out var widget));
        Assert.Equal([1, 2], widget.Versions.Select(v => v.Number));
        Assert.Equal("urn:ledger:record-type:testing:widget:v2", widget.Current.Schema.Id);
    }

    [Fact]
    public void ARecordOfTheOldVersionIsCheckedUnderTheOldSchemaAndANewOneUnderTheNew()
    {
        var v1Payload = new JsonObject { ["ownerRef"] = "W-17", ["label"] = "blue" };

        Assert.Empty(Catalog.Validate(Widget(1, v1Payload)));
        Assert.Equal("count", Assert.Single(Catalog.Validate(Widget(2, v1Payload))).Field);
        Assert.Empty(Catalog.Validate(Widget(2, new JsonObject { ["ownerRef"] = "W-17", ["label"] = "blue", ["count"] = 3 })));
    }

    [Fact]
    public void NewRecordsAreCheckedUnderTheLastVersion() =>
        Assert.Equal("count", Assert.Single(TestWidget.Definition.Validate(new JsonObject { ["ownerRef"] = "W-17", ["label"] = "blue" })).Field);

    [Fact]
    public void ATypeDefinedTwiceIsRefused() =>
        AssertRefused([TestWidget.Definition, TestWidget.Definition], "defined twice");

    [Fact]
    public void VersionsWithAGapAreRefused() =>
        AssertRefused([TestWidget.Definition with { Versions = [TestWidget.Definition.Versions[1]] }], "numbered 1, 2");

    [Fact]
    public void ASchemaThatNamesAnotherTypeOrVersionIsRefused() =>
        AssertRefused([TestWidget.Definition with { Versions = [TestWidget.Definition.Versions[0], TestWidget.Definition.Versions[0] with { Number = 2 }] }], "$id");

    [Fact]
    public void ASubjectFieldTheSchemaDoesNotRequireAsAReferenceIsRefused() =>
        AssertRefused([TestWidget.Definition with { SubjectField = "label" }], "subject field 'label'");

    [Fact]
    public void AMissingSchemaFileIsNamedWhenItsModuleLoads()
    {
        var error = Assert.Throws<InvalidOperationException>(() => PayloadSchema.Embedded(typeof(TestWidget), "widget.v3.schema.json"));

        Assert.Contains("Ledger.Core.Tests.Records.TestTypes.Widget.widget.v3.schema.json", error.Message, StringComparison.Ordinal);
    }

    private static void AssertRefused(RecordTypeDefinition[] types, string because)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new RecordTypeCatalog(types));

        Assert.Contains(because, error.Message, StringComparison.Ordinal);
    }
}
