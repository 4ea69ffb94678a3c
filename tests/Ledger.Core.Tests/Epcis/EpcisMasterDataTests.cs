using System.Text.Json;
using Ledger.Core.Epcis;

namespace Ledger.Core.Tests.Epcis;

/// <summary>Location names read from a capture document's master data.</summary>
public sealed class EpcisMasterDataTests
{
    [Fact]
    public void NamesOfBusinessLocationsAndReadPointsAreReadInBothAttributeSpellingsWithGs1KeysCanonical()
    {
        var names = Read("""
            { "epcisHeader": { "epcisMasterData": { "vocabularyList": [
              { "type": "urn:epcglobal:epcis:vtype:BusinessLocation", "vocabularyElementList": [
                { "id": "urn:epc:id:sgln:4012345.00001.0", "attributes": [ { "id": "urn:epcglobal:cbv:mda#name", "attribute": "Farm" } ] },
                { "id": "https://example.com/places/7", "attributes": [ { "id": "cbvmda:name", "attribute": "Shed 7" } ] } ] },
              { "type": "urn:epcglobal:epcis:vtype:ReadPoint", "vocabularyElementList": [
                { "id": "urn:epc:id:sgln:4012345.00001.1", "attributes": [ { "id": "cbvmda:name", "attribute": "Gate" } ] } ] }
            ] } } }
            """);

        Assert.Equal(
            [(Gs1Identifier.TryParse("urn:epc:id:sgln:4012345.00001.0")!.Canonical, "Farm"), ("https://example.com/places/7", "Shed 7"),
             (Gs1Identifier.TryParse("urn:epc:id:sgln:4012345.00001.1")!.Canonical, "Gate")],
            names);
    }

    [Fact]
    public void OtherVocabulariesOtherAttributesBlankNamesAndDocumentsWithoutMasterDataGiveNothing()
    {
        Assert.Empty(Read("""{ "epcisBody": { "eventList": [] } }"""));
        Assert.Empty(Read("""
            { "epcisHeader": { "epcisMasterData": { "vocabularyList": [
              { "type": "urn:epcglobal:epcis:vtype:EPCClass", "vocabularyElementList": [
                { "id": "urn:epc:class:lgtin:4012345.011111.L1", "attributes": [ { "id": "urn:epcglobal:cbv:mda#name", "attribute": "Not a place" } ] } ] },
              { "type": "urn:epcglobal:epcis:vtype:BusinessLocation", "vocabularyElementList": [
                { "id": "urn:epc:id:sgln:4012345.00001.0", "attributes": [ { "id": "urn:epcglobal:cbv:mda#city", "attribute": "Shenzhen" } ] },
                { "id": "urn:epc:id:sgln:4012345.00002.0", "attributes": [ { "id": "cbvmda:name", "attribute": "   " } ] },
                { "id": "urn:epc:id:sgln:4012345.00003.0", "attributes": [ { "id": "cbvmda:name", "attribute": 42 } ] } ] }
            ] } } }
            """));
    }

    [Fact]
    public void ANameIsTrimmedItsControlsMadeSpacesAndCutAtTheLimitWithoutSplittingACharacter()
    {
        var longName = new string('a', EpcisMasterData.MaxNameLength - 1) + "😀tail";
        var names = Read($$"""
            { "epcisHeader": { "epcisMasterData": { "vocabularyList": [
              { "type": "urn:epcglobal:epcis:vtype:BusinessLocation", "vocabularyElementList": [
                { "id": "urn:a", "attributes": [ { "id": "cbvmda:name", "attribute": "  North\nGate  " } ] },
                { "id": "urn:b", "attributes": [ { "id": "cbvmda:name", "attribute": "{{longName}}" } ] } ] }
            ] } } }
            """);

        Assert.Equal("North Gate", names[0].Name);
        Assert.Equal(new string('a', EpcisMasterData.MaxNameLength - 1), names[1].Name);
    }

    private static IReadOnlyList<(string Identifier, string Name)> Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return EpcisMasterData.LocationNames(document.RootElement);
    }
}
