using System.Numerics;
using Ledger.Core.Hashing;
using Ledger.Testing;

namespace Ledger.Chain.Tests.Live;

public sealed class TransactionSenderLiveTests(AnvilNode node) : IClassFixture<AnvilNode>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    // A fixed key nobody funds: deterministic, unlike a generated one.
    private static readonly EthereumKey Unfunded = EthereumKey.FromPrivateKey(Keccak256.Hash("ledger unfunded test key"u8));

    [Fact]
    public async Task ManyConcurrentAnchorsThroughOneSenderAllMine()
    {
        var sender = node.Sender(1);
        var contract = await LedgerAnchorContract.DeployAsync(node.Client, sender, sender.Address, sender.Address, Timeout);
        var startNonce = await node.Client.GetTransactionCountAsync(sender.Address, pending: false);

        var anchors = await Task.WhenAll(Enumerable.Range(0, 25).Select(i =>
            contract.AnchorAsync(sender, Keccak256.Hash(BitConverter.GetBytes(i)), (ulong)i + 1, Timeout)));

        Assert.Equal(Enumerable.Range(1, 25).Select(i => new BigInteger(i)), anchors.Select(a => a.BatchId).Order());
        Assert.Equal(startNonce + 25, await node.Client.GetTransactionCountAsync(sender.Address, pending: false));
    }

    [Fact]
    public async Task AWrongExpectedChainIdIsRefused()
    {
        var sender = node.Sender(AnvilNode.DevKeys[2], expectedChainId: 1);
        var error = await Assert.ThrowsAsync<ChainException>(() => sender.SendAsync(sender.Address, [], Timeout));
        Assert.Equal(ChainErrorKind.WrongChainId, error.Kind);
    }

    [Fact]
    public async Task AnUnfundedKeyHasInsufficientFunds()
    {
        var sender = node.Sender(Unfunded);
        var error = await Assert.ThrowsAsync<ChainException>(() => sender.SendAsync(AnvilNode.DevKeys[0].Address, [], Timeout));
        Assert.Equal(ChainErrorKind.InsufficientFunds, error.Kind);
    }

    [Fact]
    public async Task RebroadcastingAMinedTransactionReportsSuccess()
    {
        var sender = node.Sender(3);
        var tx = await sender.PrepareAsync(sender.Address, [0x01]);
        await sender.BroadcastAsync(tx);
        var receipt = await sender.WaitForReceiptAsync(tx.Hash, Timeout);

        Assert.Equal(tx.Hash, await sender.BroadcastAsync(tx));
        Assert.True(receipt.Succeeded);
    }

    [Fact]
    public async Task ALegacyTransactionIsMinedByAnvil()
    {
        var key = AnvilNode.DevKeys[4];
        var nonce = await node.Client.GetTransactionCountAsync(key.Address, pending: true);
        var tx = TransactionSigning.SignLegacy(key, node.ChainId, nonce, 5_000_000_000, 30_000, AnvilNode.DevKeys[0].Address, 12345, []);

        var hash = await node.Client.SendRawTransactionAsync(tx.Raw);
        var receipt = await node.Sender(key).WaitForReceiptAsync(hash, Timeout);

        Assert.Equal(tx.Hash, hash);
        Assert.True(receipt.Succeeded);
        Assert.Equal(21_000UL, receipt.GasUsed);
    }

    [Fact]
    public async Task ReceiptsReportThePricePaidWithinTheFeeCap()
    {
        var sender = node.Sender(5);
        var receipt = await sender.SendAsync(sender.Address, [], Timeout);
        var block = await node.Client.GetBlockAsync(receipt.BlockNumber);

        Assert.NotNull(block?.BaseFeePerGas);
        Assert.InRange(receipt.EffectiveGasPrice, block.BaseFeePerGas.Value, AnvilNode.DevFees.MaxFeePerGasCap);
    }

    [Fact]
    public async Task AFutureBlockIsNotFound() => Assert.Null(await node.Client.GetBlockAsync(1_000_000));

    [Fact]
    public async Task RevertingToASnapshotRestoresTheBlockNumber()
    {
        var snapshot = await node.SnapshotAsync();
        var before = await node.Client.GetBlockNumberAsync();
        await node.MineAsync(5);
        Assert.Equal(before + 5, await node.Client.GetBlockNumberAsync());

        Assert.True(await node.RevertAsync(snapshot));
        Assert.Equal(before, await node.Client.GetBlockNumberAsync());
    }
}
