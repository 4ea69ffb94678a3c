using Ledger.Api.Chain;
using Ledger.Chain;
using Ledger.Testing;

namespace Ledger.Api.Tests.Chain;

/// <summary>Work taken against a chain is cancelled the moment that chain is withdrawn or replaced.</summary>
public sealed class ChainRuntimeTests : IDisposable
{
    private readonly HttpClient _http = new();
    private readonly ChainRuntime _runtime = new();

    public void Dispose() => _http.Dispose();

    [Fact]
    public void WithdrawingTheChainCancelsWorkTakenAgainstItAndLeavesNothingCurrent()
    {
        _runtime.SetReady(Chain());
        Assert.True(_runtime.TryGetCurrent(out _, out var withdrawn));

        _runtime.Withdraw("The embedded chain stopped; restarting it.");

        Assert.True(withdrawn.IsCancellationRequested);
        Assert.False(_runtime.TryGetCurrent(out _, out _));
        Assert.Null(_runtime.Current);
        Assert.Equal("The embedded chain stopped; restarting it.", _runtime.Problem);
    }

    [Fact]
    public void PublishingANewChainCancelsWorkTakenAgainstTheOldOne()
    {
        _runtime.SetReady(Chain());
        _runtime.TryGetCurrent(out _, out var old);
        var replacement = Chain();

        _runtime.SetReady(replacement);

        Assert.True(old.IsCancellationRequested);
        Assert.True(_runtime.TryGetCurrent(out var current, out var withdrawn));
        Assert.Same(replacement, current);
        Assert.False(withdrawn.IsCancellationRequested);
        Assert.Null(_runtime.Problem);
    }

    // Never contacted: these tests are about who holds which chain.
    private ConnectedChain Chain()
    {
        var rpc = new Uri("http://127.0.0.1:9/");
        var client = new JsonRpcChainClient(_http, rpc);
        var sender = new TransactionSender(client, AnvilNode.DevKeys[0], 31337, AnvilNode.DevFees, TimeProvider.System);
        return new ConnectedChain(rpc, 31337, client, new LedgerAnchorContract(client, sender.Address), sender, Embedded: true);
    }
}
