using Ledger.Core.Epcis;

namespace Ledger.Core.Tests.Epcis;

/// <summary>EPC URNs and GS1 Digital Link URIs from the GS1 examples name the same identifiers.</summary>
public sealed class Gs1IdentifierTests
{
    [Theory]
    [InlineData("urn:epc:id:sgtin:0614141.712345.2017", "https://id.gs1.org/01/70614141123451/21/2017")]
    [InlineData("urn:epc:id:sgtin:4012345.011111.9876", "https://id.gs1.org/01/04012345111118/21/9876")]
    [InlineData("urn:epc:class:lgtin:4012345.012345.998877", "https://id.gs1.org/01/04012345123456/10/998877")]
    [InlineData("urn:epc:class:lgtin:0614141.077777.987", "https://id.gs1.org/01/00614141777778/10/987")]
    [InlineData("urn:epc:idpat:sgtin:4012345.066666.*", "https://id.gs1.org/01/04012345666663")]
    [InlineData("urn:epc:id:sscc:4012345.0000000333", "https://id.gs1.org/00/040123450000003338")]
    [InlineData("urn:epc:id:sgln:4012345.00005.0", "https://id.gs1.org/414/4012345000054")]
    [InlineData("urn:epc:id:sgln:4012345.00011.987", "https://id.gs1.org/414/4012345000115/254/987")]
    [InlineData("urn:epc:id:pgln:4012345.00000", "https://id.gs1.org/417/4012345000009")]
    [InlineData("urn:epc:id:grai:4012345.00022.334455", "https://id.gs1.org/8003/04012345000221334455")]
    [InlineData("urn:epc:id:giai:4000001.111", "https://id.gs1.org/8004/4000001111")]
    [InlineData("urn:epc:id:sgtin:0614141.812345.6789%2F%26%25%22!%3F()", "https://id.gs1.org/01/80614141123458/21/6789%2F%26%25%22%21%3F%28%29")]
    public void AnEpcUrnAndItsDigitalLinkAreTheSameIdentifier(string urn, string digitalLink)
    {
        Assert.Equal(digitalLink, Gs1Identifier.TryParse(urn)!.Canonical);
        Assert.Equal(digitalLink, Gs1Identifier.TryParse(digitalLink)!.Canonical);
        Assert.True(Gs1Identifier.SameIdentifier(urn, digitalLink));
    }

    [Theory]
    [InlineData("https://id.gs1.de/01/04012345999990/21/XYZ-1234", "https://id.gs1.org/01/04012345999990/21/XYZ-1234")]
    [InlineData("https://example.com/gtin/09780345418913/21/765tz?abc=211121", "https://id.gs1.org/01/09780345418913/21/765tz")]
    [InlineData("https://shop.example.cn/products/01/4012345123456/10/L-2026-1122-01", "https://id.gs1.org/01/04012345123456/10/L-2026-1122-01")]
    [InlineData("https://id.gs1.org/01/04012345123456/10/L1/21/S1", "https://id.gs1.org/01/04012345123456/21/S1")]
    [InlineData("https://id.gs1.org/01/04012345123456/22/2A/21/S1", "https://id.gs1.org/01/04012345123456/21/S1")]
    [InlineData("http://id.example.org/sscc/040123450000003338", "https://id.gs1.org/00/040123450000003338")]
    public void AnyDigitalLinkSpellingReducesToTheConstrainedCanonicalUri(string uri, string canonical) =>
        Assert.Equal(canonical, Gs1Identifier.TryParse(uri)!.Canonical);

    [Fact]
    public void TheHashLeavesADigitalLinkWithAnEscapedSerialAsWrittenAsItsReferenceDoes()
    {
        const string uri = "https://example.com/01/80614141123458/21/6789%2F%26";

        Assert.Equal("https://id.gs1.org/01/80614141123458/21/6789%2F%26", Gs1Identifier.TryParse(uri)!.Canonical);
        Assert.Null(Gs1Identifier.TryParseForHash(uri));
    }

    [Fact]
    public void InstanceLotAndClassAreTold()
    {
        var instance = Gs1Identifier.TryParse("urn:epc:id:sgtin:4012345.012345.12")!;
        var lot = Gs1Identifier.TryParse("https://id.gs1.org/01/04012345123456/10/998877")!;
        var product = Gs1Identifier.TryParse("urn:epc:idpat:sgtin:4012345.012345.*")!;

        Assert.Equal((Gs1Granularity.Instance, Gs1Granularity.Lot, Gs1Granularity.Class), (instance.Granularity, lot.Granularity, product.Granularity));
        Assert.Equal("998877", lot.Lot);
        Assert.Equal("04012345123456", instance.Gtin);
        Assert.Equal(product, instance.ProductClass);
        Assert.Equal(product, lot.ProductClass);
    }

    [Fact]
    public void PlacesPartiesAndLogisticUnitsAreInstances()
    {
        Assert.All(
            new[] { "urn:epc:id:sgln:4012345.00005.0", "urn:epc:id:pgln:4012345.00000", "urn:epc:id:sscc:4012345.0000000333" },
            id => Assert.Equal(Gs1Granularity.Instance, Gs1Identifier.TryParse(id)!.Granularity));
        Assert.Equal("414", Gs1Identifier.TryParse("urn:epc:id:sgln:4012345.00005.0")!.PrimaryKey);
    }

    [Theory]
    [InlineData("geo:47.506694,11.104301")]
    [InlineData("http://transaction.acme.com/po/12345678")]
    [InlineData("urn:epcglobal:cbv:bt:4012345000009:ASN1099")]
    [InlineData("urn:epc:id:sgtin:4012345.011111")]
    [InlineData("urn:epc:id:sgtin:4012345.01111.9876")]
    [InlineData("urn:epc:id:sscc:4012345.000000033")]
    [InlineData("https://id.gs1.org/01/0401234511111/21/9876%2")]
    [InlineData("")]
    public void TextThatIsNoGs1IdentifierIsNotOne(string text) => Assert.Null(Gs1Identifier.TryParse(text));

    [Theory]
    [InlineData("401234511111", '8')]
    [InlineData("04012345000000333", '8')]
    [InlineData("401234500005", '4')]
    public void TheCheckDigitIsGs1Mod10(string digits, char check) => Assert.Equal(check, Gs1CheckDigit.Compute(digits));
}
