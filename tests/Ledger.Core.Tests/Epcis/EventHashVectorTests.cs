using System.Text.Json;
using Ledger.Core.Epcis;
using Ledger.Testing;

namespace Ledger.Core.Tests.Epcis;

/// <summary>
/// The CBV 2.0 event hash reference vectors (epcis-event-hash/): for every JSON-LD input, every event's pre-hash
/// string and hash ID must equal the published ones.
/// </summary>
public sealed class EventHashVectorTests
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Conformance, "epcis-event-hash");

    /// <summary>Published pre-hash lines that do not hash to their own file's ID (upstream's tests check only the IDs).</summary>
    internal static readonly (string Vector, int Event, string Why)[] InconsistentPreHashLines =
    [
        ("epcisDocWithAllGS1Keys", 0, "the published line is garbled (fragments such as 'epc=httpspc=' and 'htt402/4012ps:'); its SHA-256 is not the published ID, which our pre-hash does give"),
        ("epcisDocWithCustomSchemaInContext", 1, "the published line is a variant of event 0 (bizStep shipping, two EPCs), not event 1; its SHA-256 is not the published ID"),
        ("epcisDocWithDefaultSchemaInContext", 1, "the published line stops mid-value ('…bt:06141410734'); its SHA-256 is not the published ID"),
    ];

    /// <summary>Vectors with no JSON input: the service takes JSON/JSON-LD only, so there is nothing of ours to run.</summary>
    internal static readonly (string Vector, string Why)[] WithoutJsonInput =
    [
        ("SensorDataExamples", "input is XML only (SensorDataExamples.xml upstream, not in the conformance copy)"),
        ("epcisDocWith2DifferentTransformationEvents", "input is XML only"),
        ("epcisDocWithTransformationEventWithExtension", "input is XML only"),
        ("epcisDocWithTransformationEventWithMultipleExtensions", "input is XML only"),
        ("epcisXmlDocHavingEventWithIgnoreFields", "input is XML only"),
        ("epcisXmlQueryDocHavingEventWithIgnoreFields", "input is XML only"),
        ("epcisDocHavingTooManyUserExtensions", "only a .prehashes file is published: no input and no IDs"),
    ];

    public static TheoryData<string> JsonVectors() => [.. JsonVectorNames()];

    private static string[] JsonVectorNames() =>
        [.. Directory.GetFiles(Folder, "*.jsonld").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal)];

    public static TheoryData<string, int> PreHashLines()
    {
        var lines = new TheoryData<string, int>();
        foreach (var name in JsonVectorNames())
        {
            var path = Path.Combine(Folder, name + ".prehashes");
            var count = File.Exists(path) ? NonEmptyLines(path).Length : 0;
            for (var i = 0; i < count; i++)
            {
                if (!InconsistentPreHashLines.Any(x => x.Vector == name && x.Event == i))
                {
                    lines.Add(name, i);
                }
            }
        }
        return lines;
    }

    [Fact]
    public void EveryVectorIsRunOrListedWithAReason()
    {
        var all = Directory.GetFiles(Folder).Select(f => Path.GetFileNameWithoutExtension(f)).Distinct().ToList();
        var json = JsonVectorNames();

        Assert.Equal(22, json.Length);
        Assert.Empty(all.Except(json).Except(WithoutJsonInput.Select(x => x.Vector)));
        // 43 events in the JSON vectors; epcisDocHavingEventWithComment publishes IDs only, no pre-hash line.
        Assert.Equal(42, PreHashLines().Count + InconsistentPreHashLines.Length);
    }

    [Theory]
    [MemberData(nameof(JsonVectors))]
    public void HashIdsMatchTheVector(string vector)
    {
        var expected = NonEmptyLines(Path.Combine(Folder, vector + ".hashes"));

        var actual = EpcisEventHash.HashIds(Read(vector).RootElement, OptionsFor(vector));

        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(PreHashLines))]
    public void PreHashStringMatchesTheVector(string vector, int eventIndex)
    {
        var expected = NonEmptyLines(Path.Combine(Folder, vector + ".prehashes"))[eventIndex];

        var actual = EpcisEventHash.PreHashes(Read(vector).RootElement, OptionsFor(vector))[eventIndex];

        Assert.Equal(expected, actual);
    }

    [Theory(Skip = "The published pre-hash line is inconsistent with the published hash ID; see InconsistentPreHashLines and docs/food-safety.md. The ID is still compared by HashIdsMatchTheVector.")]
    [InlineData("epcisDocWithAllGS1Keys", 0)]
    [InlineData("epcisDocWithCustomSchemaInContext", 1)]
    [InlineData("epcisDocWithDefaultSchemaInContext", 1)]
    public void InconsistentPreHashLineMatchesTheVector(string vector, int eventIndex) => PreHashStringMatchesTheVector(vector, eventIndex);

    [Theory(Skip = "No JSON input is published for this vector (XML only, or no input at all); see WithoutJsonInput and docs/food-safety.md.")]
    [InlineData("SensorDataExamples")]
    [InlineData("epcisDocWith2DifferentTransformationEvents")]
    [InlineData("epcisDocWithTransformationEventWithExtension")]
    [InlineData("epcisDocWithTransformationEventWithMultipleExtensions")]
    [InlineData("epcisXmlDocHavingEventWithIgnoreFields")]
    [InlineData("epcisXmlQueryDocHavingEventWithIgnoreFields")]
    [InlineData("epcisDocHavingTooManyUserExtensions")]
    public void VectorWithoutJsonInputMatches(string vector) => HashIdsMatchTheVector(vector);

    [Fact]
    public void TheSkippedPreHashLinesReallyDisagreeWithTheirOwnIds()
    {
        foreach (var (vector, index, _) in InconsistentPreHashLines)
        {
            var line = NonEmptyLines(Path.Combine(Folder, vector + ".prehashes"))[index];
            var id = NonEmptyLines(Path.Combine(Folder, vector + ".hashes"))[index];

            Assert.NotEqual(id, EpcisEventHash.FromPreHash(line));
            // The ID of our own pre-hash string is the published one (HashIdsMatchTheVector), so the line is at fault.
            Assert.Equal(id, EpcisEventHash.FromPreHash(EpcisEventHash.PreHashes(Read(vector).RootElement)[index]));
        }
    }

    [Fact]
    public void EveryOtherPublishedPreHashLineHashesToItsOwnId()
    {
        foreach (var row in PreHashLines())
        {
            var (vector, index) = ((string)row[0], (int)row[1]);

            Assert.Equal(NonEmptyLines(Path.Combine(Folder, vector + ".hashes"))[index], EpcisEventHash.FromPreHash(NonEmptyLines(Path.Combine(Folder, vector + ".prehashes"))[index]));
        }
    }

    // The two vectors named "…IgnoreFields" exercise the reference implementation's opt-in repository convention.
    private static EventHashOptions OptionsFor(string vector) =>
        vector.Contains("IgnoreFields", StringComparison.Ordinal) ? new EventHashOptions { HonourIgnoreFields = true } : EventHashOptions.Default;

    private static JsonDocument Read(string vector) => JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Folder, vector + ".jsonld")));

    private static string[] NonEmptyLines(string path) => [.. File.ReadAllLines(path).Where(l => l.Length > 0)];
}
