using System.Text.Json.Nodes;
using Ledger.Core.Records;

namespace Ledger.Core.Tests.Records;

/// <summary>
/// A correction names the record it corrects inside its own envelope (<c>supersedes</c>), so the link is hashed with
/// it; records that correct nothing keep exactly the nine members, and ledger-record/v1 envelopes cannot carry it.
/// </summary>
public sealed class CorrectionEnvelopeTests
{
    private const string Earlier = "0x" + "ab12" + "00000000000000000000000000000000000000000000000000000000000f";

    [Fact]
    public void ACorrectionWritesSupersedesAsATenthMemberAndReadsItBack()
    {
        var correction = ExampleRecords.InspectionV2() with { Supersedes = Earlier };

        var json = correction.ToJson();
        var read = RecordEnvelope.FromJson(JsonNode.Parse(json.ToJsonString()));

        Assert.Equal(10, json.Count);
        Assert.Equal(Earlier, read.Supersedes);
        Assert.Equal(RecordCommitment.ComputeHash(correction), RecordCommitment.ComputeHash(read));
    }

    [Fact]
    public void TheLinkIsPartOfTheHash() =>
        Assert.NotEqual(
            RecordCommitment.ComputeHash(ExampleRecords.InspectionV2()),
            RecordCommitment.ComputeHash(ExampleRecords.InspectionV2() with { Supersedes = Earlier }));

    [Fact]
    public void ARecordThatCorrectsNothingHasNoSupersedesMember()
    {
        var read = RecordEnvelope.FromJson(JsonNode.Parse(ExampleRecords.PinnedV2CanonicalText));

        Assert.Null(read.Supersedes);
        Assert.Equal(ExampleRecords.PinnedV2Hash, RecordCommitment.ComputeHash(read));
    }

    [Fact]
    public void AV1EnvelopeCannotCarrySupersedes()
    {
        var json = ExampleRecords.Inspection().ToJson();
        json["supersedes"] = Earlier;

        var error = Assert.Throws<RecordFormatException>(() => RecordEnvelope.FromJson(json));

        Assert.Equal("supersedes", error.Field);
    }

    [Theory]
    [InlineData("0xAB12000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("ab12000000000000000000000000000000000000000000000000000000000000ff")]
    [InlineData("0xab12")]
    [InlineData("")]
    public void ASupersedesThatIsNotALowerCaseRecordHashIsRefused(string hash)
    {
        var error = Assert.Throws<RecordFormatException>(() => RecordCommitment.ComputeHash(ExampleRecords.InspectionV2() with { Supersedes = hash }));

        Assert.Equal("supersedes", error.Field);
    }

    [Fact]
    public void ASupersedesThatIsNotAStringIsRefused()
    {
        var json = ExampleRecords.InspectionV2().ToJson();
        json["supersedes"] = 7;

        var error = Assert.Throws<RecordFormatException>(() => RecordEnvelope.FromJson(json));

        Assert.Equal("supersedes", error.Field);
    }
}
