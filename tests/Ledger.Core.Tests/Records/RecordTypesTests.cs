using System.Text.Json.Nodes;
using Ledger.Core.Records;
using Ledger.Core.Records.Schemas;

namespace Ledger.Core.Tests.Records;

public sealed class RecordTypesTests
{
    [Theory]
    [InlineData("food-safety", "inspection", DataLevel.Public)]
    [InlineData("community-correction", "check-in", DataLevel.HighlySensitive)]
    [InlineData("shared-community", "volunteer-service", DataLevel.Internal)]
    public void EachTypeIsFoundByDomainAndTypeWithItsDataLevel(string domain, string type, DataLevel level)
    {
        Assert.True(RecordTypeCatalog.Default.TryGetSubmittable(domain, type, out var definition));
        Assert.Equal(level, definition.Level);
    }

    [Fact]
    public void AnUnknownTypeIsNotFound() => Assert.False(RecordTypeCatalog.Default.TryGet("food-safety", "Inspection", out _));

    [Fact]
    public void TypesAreUniqueAndEachHasAOneLineSummaryAndDescribedFields()
    {
        var all = RecordTypeCatalog.Default.All;
        Assert.Equal(all.Count, all.Select(d => (d.Domain, d.Type)).Distinct().Count());
        Assert.All(all, d =>
        {
            Assert.False(string.IsNullOrWhiteSpace(d.Summary));
            Assert.DoesNotContain('\n', d.Summary);
            Assert.All(d.Versions, v => Assert.All(Properties(v.Schema.Copy()), p =>
                Assert.False(string.IsNullOrWhiteSpace(p.Schema["description"]?.GetValue<string>()), $"{d.Name} v{v.Number}: {p.Name} has no description")));
        });
    }

    [Fact]
    public void ErrorsInNestedFieldsNameTheirPath()
    {
        var payload = ExampleRecords.InspectionPayload();
        payload["items"]![0]!["result"] = "ok";
        payload["enterprise"]!["name"] = "";

        Assert.True(RecordTypeCatalog.Default.TryGet("food-safety", "inspection", out var inspection));
        var errors = inspection.Validate(payload);

        Assert.Equal(["enterprise.name", "items[0].result"], errors.Select(e => e.Field).Order(StringComparer.Ordinal));
    }

    // Free text without a format would escape the rules on control characters and surrounding spaces.
    [Fact]
    public void EveryTextFieldHasAFormatAListOfValuesOrAPattern() =>
        Assert.All(RecordTypeCatalog.Default.All.SelectMany(d => d.Versions.Select(v => (d, v))), dv =>
            Assert.All(Properties(dv.v.Schema.Copy()).Where(p => p.Schema["type"]?.GetValue<string>() == "string"), p =>
                Assert.True(p.Schema["format"] is not null || p.Schema["pattern"] is not null,
                    $"{dv.d.Name} v{dv.v.Number}: {p.Name} is free text without a format")));

    [Fact]
    public void EverySchemaUsesOnlyKeywordsTheErrorTranslatorWordsAndFormatsTheLedgerRegisters()
    {
        string[] annotations = ["$schema", "$id", "$comment", "$defs", "$ref", "title", "description", "properties", "items", "errorMessage"];
        Assert.All(RecordTypeCatalog.Default.All.SelectMany(d => d.Versions.Select(v => (d, v))), dv =>
            Assert.All(Subschemas(dv.v.Schema.Copy()), s =>
            {
                Assert.All(s.Select(p => p.Key), k => Assert.True(annotations.Contains(k) || SchemaErrors.Keywords.Contains(k), $"{dv.d.Name} v{dv.v.Number} uses {k}"));
                if (s["format"] is { } format)
                {
                    Assert.True(LedgerFormats.IsKnown(format.GetValue<string>()), $"{dv.d.Name} v{dv.v.Number}: unknown format {format}");
                }
            }));
    }

    [Fact]
    public void EverySubmittableTypeNamesItsSubmittingRolesAndEverySchemaItsOwnTypeAndVersion() =>
        Assert.All(RecordTypeCatalog.Default.All, d =>
        {
            // A domain type names the roles that work with it: its submitters, or — for one the service writes through an
            // endpoint of its own (a time-bank confirmation or transfer, an EPCIS event from /epcis/capture) — the rows
            // of its grants. The service's own ledger/* types have neither.
            Assert.Equal(d.Domain != RecordDomains.Ledger, d.SubmittedBy.Count > 0 || d.Grants.Count > 0);
            Assert.All(d.Versions, v => Assert.Equal(RecordTypeCatalog.SchemaId(d.Domain, d.Type, v.Number), v.Schema.Id));
        });

    /// <summary>Every named property of a schema and its nested objects and array items, with its subschema.</summary>
    internal static IEnumerable<(string Name, JsonObject Schema)> Properties(JsonObject schema) =>
        Subschemas(schema).SelectMany(s => (s["properties"] as JsonObject ?? []).Select(p => (p.Key, (JsonObject)p.Value!)));

    internal static IEnumerable<JsonObject> Subschemas(JsonObject schema)
    {
        yield return schema;
        var children = (schema["properties"] as JsonObject ?? []).Select(p => p.Value)
            .Concat((schema["$defs"] as JsonObject ?? []).Select(p => p.Value))
            .Append(schema["items"]);
        foreach (var child in children.OfType<JsonObject>())
        {
            foreach (var nested in Subschemas(child))
            {
                yield return nested;
            }
        }
    }
}
