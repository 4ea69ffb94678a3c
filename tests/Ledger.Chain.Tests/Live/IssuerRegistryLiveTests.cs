using Ledger.Core.Hashing;
using Ledger.Testing;

namespace Ledger.Chain.Tests.Live;

/// <summary>LedgerAnchor's issuer registry against a real anvil, through the calldata the service sends.</summary>
public sealed class IssuerRegistryLiveTests(AnvilNode node) : IClassFixture<AnvilNode>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private const string Market = "cn-330106-market-supervision";
    private const string Judicial = "cn-330106-judicial";

    private readonly TransactionSender _operator = node.Sender(0);

    private static byte[] RootNamed(string name) => Keccak256.Hash(System.Text.Encoding.UTF8.GetBytes(name));

    private Task<LedgerAnchorContract> DeployAsync() =>
        LedgerAnchorContract.DeployAsync(node.Client, _operator, _operator.Address, _operator.Address, Timeout);

    [Fact]
    public async Task TheServiceAccountHoldsBothTheAnchorerAndTheRegistrarRole()
    {
        var contract = await DeployAsync();
        Assert.True(await contract.IsIssuerRegistrarAsync(_operator.Address));
        Assert.False(await contract.IsIssuerRegistrarAsync(AnvilNode.DevKeys[5].Address));
        Assert.Equal(LedgerAnchorAbi.CurrentVersion, await contract.VersionAsync());
    }

    [Fact]
    public async Task AKeyRegisteredWithAnAnchorIsValidFromThatVeryBlock()
    {
        var contract = await DeployAsync();
        var key = AnvilNode.DevKeys[6].Address;
        var calldata = LedgerAnchorContract.EncodeAnchor(RootNamed("with a key"), 2, [new IssuerKeyChange(Market, key, Retire: false)]);

        var receipt = await _operator.SendAsync(contract.Address, calldata, Timeout);

        var anchored = contract.FindRootAnchored(receipt);
        Assert.NotNull(anchored);
        Assert.Equal(new IssuerKeyValidity(receipt.BlockNumber, 0), await contract.IssuerKeyAsync(Market, key));
        Assert.True(await contract.IsIssuerKeyValidAtAsync(Market, key, receipt.BlockNumber));
        Assert.False(await contract.IsIssuerKeyValidAtAsync(Market, key, receipt.BlockNumber - 1));
        Assert.False(await contract.IsIssuerKeyValidAtAsync(Judicial, key, receipt.BlockNumber));
    }

    [Fact]
    public async Task ARetiredKeyStaysValidForTheBlocksItCoveredAndNoLater()
    {
        var contract = await DeployAsync();
        var oldKey = AnvilNode.DevKeys[7].Address;
        var newKey = AnvilNode.DevKeys[8].Address;
        var first = await _operator.SendAsync(contract.Address,
            LedgerAnchorContract.EncodeAnchor(RootNamed("old key"), 1, [new IssuerKeyChange(Market, oldKey, Retire: false)]), Timeout);

        var rotation = await _operator.SendAsync(contract.Address,
            LedgerAnchorContract.EncodeAnchor(RootNamed("rotation"), 1,
                [new IssuerKeyChange(Market, newKey, Retire: false), new IssuerKeyChange(Market, oldKey, Retire: true)]), Timeout);

        Assert.Equal(new IssuerKeyValidity(first.BlockNumber, rotation.BlockNumber), await contract.IssuerKeyAsync(Market, oldKey));
        Assert.True(await contract.IsIssuerKeyValidAtAsync(Market, oldKey, rotation.BlockNumber));
        Assert.False(await contract.IsIssuerKeyValidAtAsync(Market, oldKey, rotation.BlockNumber + 1));
        Assert.True(await contract.IsIssuerKeyValidAtAsync(Market, newKey, rotation.BlockNumber + 1));
        Assert.True((await contract.IssuerKeyAsync(Market, oldKey)).CoversBlock(rotation.BlockNumber));
    }

    [Fact]
    public async Task RegisteringAKeyAgainNeverMakesTheAnchorRevert()
    {
        var contract = await DeployAsync();
        var key = AnvilNode.DevKeys[6].Address;
        IssuerKeyChange[] changes = [new(Market, key, Retire: false)];
        var first = await _operator.SendAsync(contract.Address, LedgerAnchorContract.EncodeAnchor(RootNamed("a"), 1, changes), Timeout);

        var again = await _operator.SendAsync(contract.Address, LedgerAnchorContract.EncodeAnchor(RootNamed("b"), 1, changes), Timeout);

        Assert.True(again.Succeeded);
        Assert.NotNull(contract.FindRootAnchored(again));
        Assert.Equal(first.BlockNumber, (await contract.IssuerKeyAsync(Market, key)).ValidFromBlock);
    }
}
