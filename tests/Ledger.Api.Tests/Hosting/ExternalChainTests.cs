using Ledger.Api.Access;
using Ledger.Chain;
using Ledger.Chain.Embedded;
using Ledger.Testing;

namespace Ledger.Api.Tests.Hosting;

/// <summary>With an RPC URL, chain id, contract and key configured, the service anchors there and starts no node.</summary>
public sealed class ExternalChainTests : IAsyncLifetime
{
    private AnvilNode _node = null!;
    private LedgerAnchorContract _contract = null!;

    public async Task InitializeAsync()
    {
        _node = await AnvilNode.StartAsync(chainId: 4242);
        var operatorAddress = AnvilNode.DevKeys[1].Address;
        _contract = await LedgerAnchorContract.DeployAsync(_node.Client, _node.Sender(1), operatorAddress, operatorAddress, TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync() => await _node.DisposeAsync();

    private Dictionary<string, string?> ExternalSettings(int keyIndex = 1, ulong chainId = 4242, string? contract = null) => new()
    {
        ["Chain:RpcUrl"] = _node.RpcUrl.ToString(),
        ["Chain:ChainId"] = chainId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Chain:ContractAddress"] = contract ?? _contract.Address,
        ["Chain:PrivateKey"] = AnvilProcess.DevPrivateKeys[keyIndex],
    };

    [Fact]
    public async Task TheServiceAnchorsOnTheConfiguredChainAndStartsNoNodeOfItsOwn()
    {
        var factory = new LedgerApiFactory(settings: ExternalSettings());
        try
        {
            var chain = await factory.ChainAsync();
            var client = factory.CreateClient();
            client.DefaultRequestHeaders.Add("X-Api-Key", await factory.CreateKeyAsync(Roles.Inspector, "external-market-bureau"));
            var accepted = await Samples.SubmitAsync(client, Samples.Inspection());

            var bundle = await factory.WaitForStatusAsync(accepted.GetProperty("recordHash").GetString()!, "confirmed");

            Assert.False(chain.Embedded);
            Assert.Equal(4242ul, chain.ChainId);
            Assert.Equal(_contract.Address, bundle.GetProperty("anchor").GetProperty("contract").GetString());
            Assert.Equal(1, (int)await _contract.BatchCountAsync());
            Assert.False(File.Exists(Path.Combine(factory.DataDirectory, "anvil-state.json")));
            Assert.False(File.Exists(Path.Combine(factory.DataDirectory, "embedded-keys.json")));
        }
        finally
        {
            // Stop the service before deleting its folder: the worker writes the lease row every cycle.
            await factory.DisposeAsync();
            factory.DeleteData();
        }
    }

    [Fact]
    public async Task AChainIdThatDiffersFromTheNodesStopsStartupWithAClearMessage()
    {
        var error = await LedgerApiFactory.StartupErrorAsync(ExternalSettings(chainId: 1));

        Assert.Contains("reports chain id 4242", error);
        Assert.Contains("wrong network", error);
    }

    [Fact]
    public async Task AContractAddressWithNoCodeStopsStartupWithAClearMessage()
    {
        var error = await LedgerApiFactory.StartupErrorAsync(ExternalSettings(contract: "0x000000000000000000000000000000000000dEaD"));

        Assert.Contains("0x000000000000000000000000000000000000dEaD", error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AKeyWithoutTheAnchorerRoleStopsStartupWithAClearMessage()
    {
        var error = await LedgerApiFactory.StartupErrorAsync(ExternalSettings(keyIndex: 2));

        Assert.Contains("lacks ANCHORER_ROLE", error);
        Assert.DoesNotContain(AnvilProcess.DevPrivateKeys[2][2..], error);
    }

    [Fact]
    public async Task AnRpcUrlWithoutAChainIdFailsOptionsValidation()
    {
        var settings = ExternalSettings();
        settings["Chain:ChainId"] = null;

        var error = await LedgerApiFactory.StartupErrorAsync(settings);

        Assert.Contains("Chain:ChainId (or Chain:Deployment) is required", error);
    }
}
