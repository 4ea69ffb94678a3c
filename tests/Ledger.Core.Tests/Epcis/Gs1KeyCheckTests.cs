using Ledger.Core.Epcis;

namespace Ledger.Core.Tests.Epcis;

/// <summary>Which identifiers claim to be GS1 keys, which of those are malformed, and what the sender is told.</summary>
public sealed class Gs1KeyCheckTests
{
    [Theory]
    [InlineData("urn:epc:id:sgtin:0614141.712345.2017")]
    [InlineData("urn:epc:class:lgtin:4012345.012345.998877")]
    [InlineData("urn:epc:idpat:sgtin:4012345.066666.*")]
    [InlineData("urn:epc:id:sscc:4012345.0000000333")]
    [InlineData("urn:epc:id:sgln:4012345.00005.0")]
    [InlineData("urn:epc:id:pgln:4012345.00000")]
    [InlineData("urn:epc:id:giai:4000001.111")]
    [InlineData("https://id.gs1.org/01/09506000134352/21/12345")]
    [InlineData("https://id.gs1.org/414/9506000134307")]
    [InlineData("https://example.com/gtin/09780345418913/21/765tz?abc=211121")]
    [InlineData("https://shop.example.cn/products/01/4012345123456/10/L-2026-1122-01")]
    [InlineData("http://id.example.org/sscc/040123450000003338")]
    [InlineData("https://id.example.com/8003/040123450007718765")]
    public void AWellFormedKeyClaimsToBeOneAndHasNoProblem(string key)
    {
        Assert.True(Gs1KeyCheck.ClaimsToBeGs1Key(key));
        Assert.Null(Gs1KeyCheck.Problem(key));
    }

    [Theory]
    [InlineData("https://example.com/things/42")]
    [InlineData("https://example.com/blog/01/2024")]
    [InlineData("https://erp.example.com/party/17")]
    [InlineData("http://transaction.acme.com/po/12345678")]
    [InlineData("geo:47.506694,11.104301")]
    [InlineData("urn:uuid:3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    [InlineData("urn:epcglobal:cbv:bt:4012345000009:ASN1099")]
    [InlineData("urn:epc:id:gid:95100000.12345.400")]
    [InlineData("urn:epc:id:bic:CSQU3054383")]
    public void AFreeUriOrAnEpcThatIsNoGs1KeyMakesNoClaim(string value)
    {
        Assert.False(Gs1KeyCheck.ClaimsToBeGs1Key(value));
        Assert.Null(Gs1KeyCheck.Problem(value));
    }

    [Fact]
    public void AnSsccUrnWithADigitTooManyIsToldItsDigitCount() =>
        Assert.Equal(
            "the company prefix and the extension digit and serial reference must be 17 digits together (an SSCC's 18 less its check digit); here they are 7 + 11 = 18",
            Gs1KeyCheck.Problem("urn:epc:id:sscc:0614141.12345678901"));

    [Fact]
    public void AnSgtinUrnWhosePrefixAndItemReferenceAreNotThirteenDigitsIsToldSo() =>
        Assert.Equal(
            "the company prefix and the indicator digit and item reference must be 13 digits together (a GTIN-14 less its check digit); here they are 7 + 5 = 12",
            Gs1KeyCheck.Problem("urn:epc:id:sgtin:4012345.01111.9876"));

    [Fact]
    public void ADigitalLinkWithAWrongCheckDigitIsToldTheRightOne() =>
        Assert.Equal(
            "the check digit of GTIN 09506000134353 is 3, but its other digits call for 2",
            Gs1KeyCheck.Problem("https://id.gs1.org/01/09506000134353/21/12345"));

    [Theory]
    [InlineData("https://example.com/00/040123450000003339", "SSCC 040123450000003339 is 9, but its other digits call for 8")]
    [InlineData("https://id.gs1.org/414/9506000134308", "GLN 9506000134308 is 8, but its other digits call for 7")]
    [InlineData("https://id.gs1.org/01/4012345123457/10/L1", "GTIN 04012345123457 is 7, but its other digits call for 6")]
    [InlineData("https://id.gs1.org/8003/040123450007728765", "GRAI 04012345000772 is 2, but its other digits call for 1")]
    public void EveryKeyWithACheckDigitHasItChecked(string uri, string told) =>
        Assert.EndsWith(told, Gs1KeyCheck.Problem(uri), StringComparison.Ordinal);

    [Fact]
    public void AnUnknownSchemeUnderUrnEpcIdIsToldTheSchemesThereAre()
    {
        var problem = Gs1KeyCheck.Problem("urn:epc:id:sgtn:0614141.712345.2017");

        Assert.StartsWith("\"sgtn\" is not an EPC scheme of a GS1 key under urn:epc:id: (it takes sgtin, ", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("urn:epc:class:sgtin:0614141.712345.2017", "\"sgtin\" is not an EPC scheme of a GS1 key under urn:epc:class: (it takes lgtin)")]
    [InlineData("urn:epc:idpat:sscc:0614141.*", "\"sscc\" is not an EPC scheme of a GS1 key under urn:epc:idpat:")]
    [InlineData("urn:epc:id:SGTIN:0614141.712345.2017", "write the scheme in lower case: urn:epc:id:sgtin:")]
    [InlineData("URN:EPC:ID:sgtin:0614141.712345.2017", "an EPC URN begins urn:epc:id: in lower case")]
    [InlineData("urn:epc:id:sgtin", "has no body; the form is urn:epc:id:sgtin:{company prefix}.{indicator digit and item reference}.{serial}")]
    [InlineData("urn:epc:id:sgtin:0614141.712345", "has 2 parts separated by dots where 3 are needed")]
    [InlineData("urn:epc:id:sscc:0614141.123456789.0", "has 3 parts separated by dots where 2 are needed")]
    [InlineData("urn:epc:id:sgtin:06141.7123456.2017", "the GS1 company prefix \"06141\" (before the first dot) must be 6 to 12 digits")]
    [InlineData("urn:epc:id:sgtin:0614141.71234X.2017", "the indicator digit and item reference \"71234X\" must be digits")]
    [InlineData("urn:epc:id:sgtin:0614141.712345.123456789012345678901", "the serial \"123456789012345678901\" is 21 characters long; it may be at most 20")]
    [InlineData("urn:epc:id:sgtin:0614141.712345.a%2", "the serial \"a%2\" holds a % that is not followed by two hexadecimal digits")]
    [InlineData("urn:epc:id:sgtin:0614141.712345.a b", "the serial \"a b\" holds ' ', which must be percent-encoded")]
    [InlineData("urn:epc:idpat:sgtin:0614141.712345.2017", "a pattern ends in \"*\" (every serial), not \"2017\"")]
    [InlineData("urn:epc:id:itip:4012345.012345.1.02.1", "the piece number \"1\" must be 2 digits")]
    [InlineData("urn:epc:id:sgcn:4012345.67890.A1", "the serial \"A1\" must be 1 to 12 digits")]
    [InlineData("urn:epc:id:sgln:4012345.0005.0", "the company prefix and the location reference must be 12 digits together (a GLN's 13 less its check digit); here they are 7 + 4 = 11")]
    public void AMalformedEpcUrnIsToldWhatIsWrong(string urn, string told) =>
        Assert.StartsWith(told, Gs1KeyCheck.Problem(urn), StringComparison.Ordinal);

    [Theory]
    [InlineData("https://id.gs1.org/things/42", "names no GS1 primary key")]
    [InlineData("https://id.gs1.org/01", "/01/ is not followed by a GTIN")]
    [InlineData("https://id.gs1.org/01/950600013435", "the check digit of GTIN 00950600013435 is 5, but its other digits call for 9")]
    [InlineData("https://example.com/01/095060001343520", "the GTIN \"095060001343520\" is not 8, 12, 13 or 14 digits")]
    [InlineData("https://example.com/sscc/04012345000000333", "the SSCC \"04012345000000333\" is not 18 digits")]
    [InlineData("https://example.com/01/09506000134352/21", "\"21\" has no value")]
    [InlineData("https://example.com/01/09506000134352/17/261231", "a GTIN takes /21/ (serial), /10/ (lot), /235/ or /22/, not /17/")]
    [InlineData("https://example.com/00/040123450000003338/21/1", "an SSCC takes no qualifier, not /21/")]
    [InlineData("https://example.com/01/09506000134352/21/123456789012345678901", "the serial \"123456789012345678901\" is 21 characters long")]
    [InlineData("https://example.com/01/09506000134352/21/1/235/2", "a GTIN takes one qualifier, not /21/ and /235/")]
    [InlineData("HTTPS://id.gs1.org/01/09506000134352", "write the scheme in lower case")]
    public void AMalformedDigitalLinkIsToldWhatIsWrong(string uri, string told) =>
        Assert.StartsWith(told, Gs1KeyCheck.Problem(uri), StringComparison.Ordinal);

    [Fact]
    public void AWellFormedKeyOfEverySchemeTheParserReadsHasNoProblem()
    {
        // A well-formed key of every scheme the parser reads: none may be refused.
        string[] keys =
        [
            "urn:epc:id:upui:4012345.012345.AB12", "urn:epc:id:grai:4012345.00022.334455", "urn:epc:idpat:grai:4012345.00022.*",
            "urn:epc:id:gsrn:4012345.0000000001", "urn:epc:id:gsrnp:4012345.0000000001", "urn:epc:id:gdti:4012345.00001.12",
            "urn:epc:idpat:gdti:4012345.00001.*", "urn:epc:id:cpi:4012345.AB12-3.1", "urn:epc:idpat:cpi:4012345.AB12-3.*",
            "urn:epc:id:sgcn:4012345.67890.04711", "urn:epc:idpat:sgcn:4012345.67890.*", "urn:epc:id:ginc:4012345.xyz47",
            "urn:epc:id:gsin:4012345.222333444", "urn:epc:id:itip:4012345.012345.01.02.987", "urn:epc:idpat:itip:4012345.012345.01.02.*",
        ];

        Assert.All(keys, key => Assert.Null(Gs1KeyCheck.Problem(key)));
        Assert.All(keys, key => Assert.NotNull(Gs1Identifier.TryParse(key)));
    }
}
