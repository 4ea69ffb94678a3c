using Ledger.Core.Epcis;
using Ledger.Testing;

namespace Ledger.Core.Tests.Epcis;

/// <summary>Every GS1 example document under epcis/examples/ parses, passes the schema and yields its events.</summary>
public sealed class EpcisExamplesTests
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Conformance, "epcis", "examples");

    /// <summary>Examples capture refuses, and why: none is a defect of ours, each is listed in docs/food-safety.md.</summary>
    internal static readonly Dictionary<string, string> Refused = new(StringComparer.Ordinal)
    {
        ["AssociationEvent/AssociationEvent-h.jsonld"] = "names \"eventID\" twice in one event; duplicate names are refused (RFC 8259 leaves their meaning undefined)",
        ["EPCISQueryDocument.jsonld"] = "is a query document; capture takes an EPCISDocument",
    };

    public static TheoryData<string> Examples() =>
    [
        .. Directory.GetFiles(Folder, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".jsonld", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Folder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal),
    ];

    [Fact]
    public void TheExampleFolderHoldsEveryKindOfEvent() => Assert.True(Examples().Count >= 45);

    [Theory]
    [MemberData(nameof(Examples))]
    public void ExampleParsesAndValidatesOrIsRefusedForTheListedReason(string example)
    {
        var result = EpcisDocument.Parse(File.ReadAllBytes(Path.Combine(Folder, example)));

        if (Refused.ContainsKey(example))
        {
            Assert.False(result.IsValid);
            return;
        }
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        using var document = result.Document!;
        Assert.NotEmpty(document.Events);
        Assert.All(document.Events, e => Assert.Matches("^ni:///sha-256;[0-9a-f]{64}\\?ver=CBV2\\.0$", e.HashId));
    }

    [Fact]
    public void TheDuplicateNameExampleIsRefusedForItsDuplicateName()
    {
        var result = EpcisDocument.Parse(File.ReadAllBytes(Path.Combine(Folder, "AssociationEvent", "AssociationEvent-h.jsonld")));

        Assert.Contains("Duplicate property 'eventID'", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EventsKeepTheirIndexTypeAndTheVectorsHashId()
    {
        var folder = Path.Combine(RepositoryPaths.Conformance, "epcis-event-hash");
        var expected = File.ReadAllLines(Path.Combine(folder, "epcisDocWithVariousEventTypes.hashes")).Where(l => l.Length > 0).ToArray();

        var result = EpcisDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "epcisDocWithVariousEventTypes.jsonld")));

        using var document = result.Document!;
        Assert.Equal(expected, document.Events.Select(e => e.HashId));
        Assert.Equal(Enumerable.Range(0, expected.Length), document.Events.Select(e => e.Index));
        Assert.Contains(document.Events, e => e.Type == "TransformationEvent");
    }
}
