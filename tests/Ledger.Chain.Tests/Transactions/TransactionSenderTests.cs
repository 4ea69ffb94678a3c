using System.Numerics;
using Ledger.Chain.Embedded;
using Nethereum.Model;

namespace Ledger.Chain.Tests.Transactions;

public sealed class TransactionSenderTests
{
    private const string To = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
    private static readonly EthereumKey Key = EthereumKey.FromPrivateKey(AnvilProcess.DevPrivateKeys[0]);
    private static readonly FeePolicy Fees = new(100_000_000_000, 1_000_000_000);

    private static TransactionSender Sender(FakeChainClient chain, FeePolicy? fees = null, ulong expectedChainId = 31337) =>
        new(chain, Key, expectedChainId, fees ?? Fees, TimeProvider.System) { ReceiptPollInterval = TimeSpan.FromMilliseconds(5) };

    // The signed type-2 envelope as Nethereum decodes it.
    private static Transaction1559 Decoded(SignedTransaction tx)
    {
        Assert.Equal(0x02, tx.Raw[0]);
        return Assert.IsType<Transaction1559>(TransactionFactory.CreateTransaction(tx.Raw));
    }

    [Fact]
    public async Task TheNonceComesFromThePendingTransactionCount()
    {
        var tx = await Sender(new FakeChainClient { PendingNonce = 42 }).PrepareAsync(To, [1]);
        Assert.Equal(42UL, tx.Nonce);
        Assert.Equal(new BigInteger(42), Decoded(tx).Nonce);
    }

    [Fact]
    public async Task TheGasLimitIsTheEstimatePlusAQuarter()
    {
        var tx = await Sender(new FakeChainClient { GasEstimate = 100_000 }).PrepareAsync(To, [1]);
        Assert.Equal(125_000UL, tx.GasLimit);
    }

    [Fact]
    public async Task TheMaxFeeIsTwiceTheBaseFeePlusTheTip()
    {
        var tx = await Sender(new FakeChainClient { BaseFee = 10_000_000_000 }).PrepareAsync(To, [1]);
        Assert.Equal(new BigInteger(21_000_000_000), tx.MaxFeePerGas);
        Assert.Equal(new BigInteger(1_000_000_000), tx.MaxPriorityFeePerGas);
    }

    [Fact]
    public async Task TheMaxFeeNeverExceedsTheCap()
    {
        var tx = await Sender(new FakeChainClient { BaseFee = 60_000_000_000 }).PrepareAsync(To, [1]);
        Assert.Equal(Fees.MaxFeePerGasCap, tx.MaxFeePerGas);
    }

    [Fact]
    public async Task AReplacementKeepsNonceGasAndDataAndRaisesBothFees()
    {
        var chain = new FakeChainClient { BaseFee = 10_000_000_000, PendingNonce = 99 };

        var tx = await Sender(chain).PrepareReplacementAsync(To, [1, 2], nonce: 5, gasLimit: 70_000, previousMaxFee: 30_000_000_000, previousPriorityFee: 2_000_000_000);

        var decoded = Decoded(tx);
        Assert.Equal(5UL, tx.Nonce);
        Assert.Equal(70_000UL, tx.GasLimit);
        Assert.Equal(new BigInteger(34_500_000_000), tx.MaxFeePerGas);
        Assert.Equal(new BigInteger(2_300_000_000), tx.MaxPriorityFeePerGas);
        Assert.Equal("0x0102", decoded.Data);
    }

    [Fact]
    public async Task ACapBelowTheBaseFeeFailsWithFeeCapTooLow()
    {
        var error = await Assert.ThrowsAsync<ChainException>(() => Sender(new FakeChainClient { BaseFee = 200_000_000_000 }).PrepareAsync(To, [1]));
        Assert.Equal(ChainErrorKind.FeeCapTooLow, error.Kind);
    }

    [Fact]
    public async Task ABlockWithoutBaseFeeGetsALegacyTransactionPricedAtTheNodesSuggestion()
    {
        var tx = await Sender(new FakeChainClient { BaseFee = null, SuggestedTip = 3_000_000_000 }).PrepareAsync(To, [1]);
        Assert.True(tx.Raw[0] >= 0xc0, "a legacy transaction is a bare RLP list");
        Assert.Equal(new BigInteger(3_000_000_000), tx.MaxFeePerGas);
    }

    [Fact]
    public async Task AWrongChainIdIsRefusedBeforeSigning()
    {
        var chain = new FakeChainClient { ChainId = 1 };
        var error = await Assert.ThrowsAsync<ChainException>(() => Sender(chain).SendAsync(To, [1], TimeSpan.FromSeconds(1)));
        Assert.Equal(ChainErrorKind.WrongChainId, error.Kind);
        Assert.Empty(chain.Broadcasts);
    }

    [Fact]
    public async Task ABalanceBelowGasTimesMaxFeeIsInsufficientFunds()
    {
        var error = await Assert.ThrowsAsync<ChainException>(() => Sender(new FakeChainClient { Balance = 1000 }).PrepareAsync(To, [1]));
        Assert.Equal(ChainErrorKind.InsufficientFunds, error.Kind);
        Assert.Contains(Key.Address, error.Message);
    }

    [Fact]
    public async Task AlreadyKnownCountsAsASuccessfulBroadcast()
    {
        var chain = new FakeChainClient { OnSend = _ => throw new ChainException(ChainErrorKind.AlreadyKnown, "transaction already imported") };
        var sender = Sender(chain);
        var tx = await sender.PrepareAsync(To, [1]);
        Assert.Equal(tx.Hash, await sender.BroadcastAsync(tx));
    }

    [Fact]
    public async Task NonceTooLowForATransactionAlreadyMinedCountsAsSuccess()
    {
        var chain = new FakeChainClient { OnSend = _ => throw new ChainException(ChainErrorKind.NonceTooLow, "nonce too low") };
        var sender = Sender(chain);
        var tx = await sender.PrepareAsync(To, [1]);
        chain.Receipts[tx.Hash] = FakeChainClient.ReceiptFor(tx.Hash);
        Assert.Equal(tx.Hash, await sender.BroadcastAsync(tx));
    }

    [Fact]
    public async Task NonceTooLowForAnUnminedTransactionIsReported()
    {
        var chain = new FakeChainClient { OnSend = _ => throw new ChainException(ChainErrorKind.NonceTooLow, "nonce too low") };
        var sender = Sender(chain);
        var tx = await sender.PrepareAsync(To, [1]);
        var error = await Assert.ThrowsAsync<ChainException>(() => sender.BroadcastAsync(tx));
        Assert.Equal(ChainErrorKind.NonceTooLow, error.Kind);
    }

    [Fact]
    public async Task WaitingPastTheTimeoutFailsWithTimeout()
    {
        var chain = new FakeChainClient();
        var error = await Assert.ThrowsAsync<ChainException>(
            () => Sender(chain).WaitForReceiptAsync("0x" + new string('c', 64), TimeSpan.FromMilliseconds(50)));
        Assert.Equal(ChainErrorKind.Timeout, error.Kind);
        Assert.True(chain.ReceiptPolls > 1, "the sender polls until the deadline");
    }

    [Fact]
    public async Task ASecondSendWaitsUntilTheFirstIsMined()
    {
        var chain = new FakeChainClient();
        var sender = Sender(chain);
        var first = sender.SendAsync(To, [1], TimeSpan.FromSeconds(30));
        await Until(() => chain.Broadcasts.Count == 1);
        var second = sender.SendAsync(To, [2], TimeSpan.FromSeconds(30));
        var pollsBefore = chain.ReceiptPolls;
        await Until(() => chain.ReceiptPolls >= pollsBefore + 3);
        Assert.Single(chain.Broadcasts);

        chain.Mine(0);
        await first;
        await Until(() => chain.Broadcasts.Count == 2);
        chain.Mine(1);
        Assert.True((await second).Succeeded);
    }

    [Theory]
    [InlineData(100, 115)]
    [InlineData(101, 117)]
    public void AReplacementBumpRoundsUp(int fee, int bumped) =>
        Assert.Equal(new BigInteger(bumped), new FeePolicy(1000, 1, 15).Bump(fee));

    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 10 s");
            await Task.Delay(5);
        }
    }
}
