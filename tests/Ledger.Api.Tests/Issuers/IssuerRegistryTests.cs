using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ledger.Api.Access;
using Ledger.Chain;
using Ledger.Core.Encoding;

namespace Ledger.Api.Tests.Issuers;

/// <summary>
/// Which key signs for which organisation is on chain, not only the service's word: each key is registered in
/// LedgerAnchor's issuer registry in the transaction that anchors its first records, and anyone can list the keys.
/// </summary>
public sealed class IssuerRegistryTests(SharedLedger ledger) : IClassFixture<SharedLedger>
{
    private const string Market = "demo-market-supervision-bureau";
    private const string Judicial = "demo-judicial-bureau";
    private readonly LedgerApiFactory _factory = ledger.Factory;

    [Fact]
    public async Task AnIssuersKeyIsValidOnChainForItsOwnOrganisationInTheBlockThatAnchorsItsRecord()
    {
        var accepted = await Samples.SubmitAsync(_factory.ClientFor(Roles.Inspector), Samples.Inspection());
        var bundle = await _factory.WaitForStatusAsync(accepted.GetProperty("recordHash").GetString()!, "anchored", "confirmed");
        var block = bundle.GetProperty("anchor").GetProperty("blockNumber").GetUInt64();
        var signer = bundle.GetProperty("issuer").GetProperty("address").GetString()!;
        var contract = (await _factory.ChainAsync()).Contract;

        Assert.True(await contract.IsIssuerKeyValidAtAsync(Market, signer, block));
        Assert.False(await contract.IsIssuerKeyValidAtAsync(Judicial, signer, block));
        var validity = await contract.IssuerKeyAsync(Market, signer);
        Assert.InRange(validity.ValidFromBlock, 1UL, block);
        Assert.Equal(0UL, validity.ValidUntilBlock);
    }

    [Fact]
    public async Task AnyoneCanListTheIssuersTheirKeysAndTheBlocksFromWhichTheyAreValid()
    {
        var accepted = await Samples.SubmitAsync(_factory.ClientFor(Roles.Inspector), Samples.Inspection());
        var bundle = await _factory.WaitForStatusAsync(accepted.GetProperty("recordHash").GetString()!, "anchored", "confirmed");
        var signer = bundle.GetProperty("issuer").GetProperty("address").GetString()!;
        var chain = await _factory.ChainAsync();

        var response = await _factory.CreateClient().GetAsync("/api/v1/issuers");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var registry = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(chain.Contract.Address, registry.GetProperty("contract").GetString());
        Assert.Equal(chain.ChainId, registry.GetProperty("chainId").GetUInt64());
        var market = registry.GetProperty("organisations").EnumerateArray().Single(o => o.GetProperty("organisation").GetString() == Market);
        Assert.Equal(Hex.Encode(IssuerKeyChange.OrganisationHash(Market)), market.GetProperty("organisationHash").GetString());
        Assert.Equal("market-supervision", market.GetProperty("kind").GetString());
        var key = Assert.Single(market.GetProperty("keys").EnumerateArray());
        Assert.Equal(signer, key.GetProperty("address").GetString());
        Assert.Equal("registered", key.GetProperty("status").GetString());
        var onChain = await chain.Contract.IssuerKeyAsync(Market, signer);
        Assert.Equal(onChain.ValidFromBlock, key.GetProperty("validFromBlock").GetUInt64());
        Assert.Equal(JsonValueKind.Null, key.GetProperty("validUntilBlock").ValueKind);
    }

    [Fact]
    public async Task AnOrganisationThatHasIssuedNothingIsListedWithoutKeys()
    {
        var registry = await _factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/issuers");

        var audit = registry.GetProperty("organisations").EnumerateArray().Single(o => o.GetProperty("organisation").GetString() == "demo-binjiang-audit-office");
        Assert.Empty(audit.GetProperty("keys").EnumerateArray());
    }
}
