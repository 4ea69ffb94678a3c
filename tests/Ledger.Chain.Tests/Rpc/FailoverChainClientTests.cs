using System.Net;
using System.Net.Sockets;
using Ledger.Testing;

namespace Ledger.Chain.Tests.Rpc;

/// <summary>
/// FailoverChainClient against real anvil nodes: an unreachable node is skipped and tried again after its rest, a node
/// of another chain is never used, and the chain's own answers (an RPC error) are not mistaken for an outage.
/// </summary>
public sealed class FailoverChainClientTests : IAsyncLifetime
{
    // One HttpClient per node: Nethereum's RpcClient sets its HttpClient's base address, so two nodes must not share one.
    private readonly List<HttpClient> _http = [];
    private readonly List<string> _reports = [];
    private AnvilNode _first = null!;
    private AnvilNode _second = null!;

    public async Task InitializeAsync()
    {
        _first = await AnvilNode.StartAsync();
        _second = await AnvilNode.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        _http.ForEach(h => h.Dispose());
    }

    [Fact]
    public async Task ANodeThatCannotBeReachedIsSkippedAndTheCallIsAnsweredByTheNext()
    {
        var dead = DeadUrl();
        var client = Failover(TimeProvider.System, ("dead", dead), ("second", _second.RpcUrl));

        var block = await client.GetBlockNumberAsync();

        Assert.Equal(await _second.Client.GetBlockNumberAsync(), block);
        Assert.Equal("second", client.CurrentNode);
        Assert.Contains(_reports, r => r.StartsWith("RPC node dead failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ANodeThatWentAwayIsTriedAgainAfterItsRestAndIsUsedWhenItAnswers()
    {
        var clock = new AdjustableClock();
        var client = Failover(clock, ("first", _first.RpcUrl), ("second", _second.RpcUrl));
        await client.GetBlockNumberAsync();
        await _first.MineAsync(5);
        await _first.StopAsync();

        var whileDown = await client.GetBlockNumberAsync();
        await _first.RestartAsync();
        var stillResting = client.CurrentNode;
        clock.Advance(FailoverChainClient.RestAfterFailure + TimeSpan.FromSeconds(1));
        var afterRest = await client.GetBlockNumberAsync();

        Assert.Equal(await _second.Client.GetBlockNumberAsync(), whileDown);
        Assert.Equal("second", stillResting);
        Assert.Equal(await _first.Client.GetBlockNumberAsync(), afterRest);
        Assert.Equal("first", client.CurrentNode);
        Assert.Contains("RPC node first answers again.", _reports);
    }

    [Fact]
    public async Task ANodeOfAnotherChainIsNeverUsed()
    {
        await using var other = await AnvilNode.StartAsync(chainId: 31338);
        var client = Failover(TimeProvider.System, ("other", other.RpcUrl), ("second", _second.RpcUrl));

        var chainId = await client.GetChainIdAsync();
        var again = await client.GetChainIdAsync();

        Assert.Equal((31337UL, 31337UL), (chainId, again));
        Assert.Equal("second", client.CurrentNode);
        Assert.Single(_reports, r => r == "RPC node other serves chain 31338, not 31337; it is not used.");
    }

    [Fact]
    public async Task WhenEveryNodeIsUnreachableTheCallFailsAsUnreachableNamingEach()
    {
        var client = Failover(TimeProvider.System, ("a", DeadUrl()), ("b", DeadUrl()));

        var error = await Assert.ThrowsAsync<ChainException>(() => client.GetBlockNumberAsync());

        Assert.Equal(ChainErrorKind.Unreachable, error.Kind);
        Assert.Contains("a: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("b: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheChainsOwnRefusalIsReturnedAsItIsAndDoesNotMoveToAnotherNode()
    {
        var client = Failover(TimeProvider.System, ("first", _first.RpcUrl), ("second", _second.RpcUrl));

        var error = await Assert.ThrowsAsync<ChainException>(() => client.SendRawTransactionAsync([0x01, 0x02, 0x03]));

        Assert.NotEqual(ChainErrorKind.Unreachable, error.Kind);
        Assert.Equal("first", client.CurrentNode);
        Assert.Empty(_reports);
    }

    private FailoverChainClient Failover(TimeProvider time, params (string Name, Uri Url)[] nodes) =>
        new([.. nodes.Select(n => (n.Name, (IChainClient)new JsonRpcChainClient(Http(), n.Url)))], 31337, time, _reports.Add);

    private HttpClient Http()
    {
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        _http.Add(http);
        return http;
    }

    // A loopback port that was free a moment ago: nothing listens there, so connecting is refused at once.
    private static Uri DeadUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }
}
