using Ledger.Core.Records;

namespace Ledger.Core.Tests.Records;

public sealed class RecordTypesTests
{
    [Theory]
    [InlineData("food-safety", "inspection", DataLevel.Public)]
    [InlineData("community-correction", "check-in", DataLevel.HighlySensitive)]
    [InlineData("shared-community", "volunteer-service", DataLevel.Internal)]
    public void EachTypeIsFoundByDomainAndTypeWithItsDataLevel(string domain, string type, DataLevel level)
    {
        Assert.True(RecordTypes.TryGet(domain, type, out var definition));
        Assert.Equal(level, definition.Level);
    }

    [Fact]
    public void AnUnknownTypeIsNotFound() => Assert.False(RecordTypes.TryGet("food-safety", "Inspection", out _));

    [Fact]
    public void TypesAreUniqueAndEachHasAOneLineSummaryAndDescribedFields()
    {
        Assert.Equal(RecordTypes.All.Count, RecordTypes.All.Select(d => (d.Domain, d.Type)).Distinct().Count());
        Assert.All(RecordTypes.All, d =>
        {
            Assert.False(string.IsNullOrWhiteSpace(d.Summary));
            Assert.DoesNotContain('\n', d.Summary);
            Assert.All(d.Fields, f => Assert.False(string.IsNullOrWhiteSpace(f.Description)));
            Assert.All(d.Fields, f => Assert.False(string.IsNullOrWhiteSpace(f.Shape)));
        });
    }

    [Fact]
    public void ErrorsInNestedFieldsNameTheirPath()
    {
        var payload = ExampleRecords.InspectionPayload();
        payload["items"]![0]!["result"] = "ok";
        payload["enterprise"]!["name"] = "";

        var errors = RecordTypes.All[0].Validate(payload);

        Assert.Equal(["enterprise.name", "items[0].result"], errors.Select(e => e.Field).Order(StringComparer.Ordinal));
    }
}
