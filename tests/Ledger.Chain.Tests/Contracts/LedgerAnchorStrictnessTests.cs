using System.Numerics;
using Ledger.Chain.Contracts;
using Ledger.Core.Encoding;

namespace Ledger.Chain.Tests.Contracts;

/// <summary>The checks that stay ours because Nethereum does not make them: exact bytes32, strict results, the emitter.</summary>
public sealed class LedgerAnchorStrictnessTests
{
    private const string Address = "0x5FbDB2315678afecb367f032d93F642f64180aa3";

    /// <summary>Answers every eth_call with the same bytes.</summary>
    private sealed class AnsweringChain(byte[] answer) : IChainClient
    {
        private readonly UnusedChainClient _unused = new();
        public Task<byte[]> CallAsync(string to, byte[] data, CancellationToken ct = default) => Task.FromResult(answer);
        public Task<ulong> GetChainIdAsync(CancellationToken ct = default) => _unused.GetChainIdAsync(ct);
        public Task<ulong> GetBlockNumberAsync(CancellationToken ct = default) => _unused.GetBlockNumberAsync(ct);
        public Task<BlockInfo?> GetBlockAsync(ulong number, CancellationToken ct = default) => _unused.GetBlockAsync(number, ct);
        public Task<BlockInfo> GetLatestBlockAsync(CancellationToken ct = default) => _unused.GetLatestBlockAsync(ct);
        public Task<BigInteger> GetBalanceAsync(string address, CancellationToken ct = default) => _unused.GetBalanceAsync(address, ct);
        public Task<ulong> GetTransactionCountAsync(string address, bool pending, CancellationToken ct = default) => _unused.GetTransactionCountAsync(address, pending, ct);
        public Task<byte[]> GetCodeAsync(string address, CancellationToken ct = default) => _unused.GetCodeAsync(address, ct);
        public Task<ulong> EstimateGasAsync(string from, string? to, byte[] data, CancellationToken ct = default) => _unused.EstimateGasAsync(from, to, data, ct);
        public Task<BigInteger> GetMaxPriorityFeePerGasAsync(CancellationToken ct = default) => _unused.GetMaxPriorityFeePerGasAsync(ct);
        public Task<string> SendRawTransactionAsync(byte[] rawTransaction, CancellationToken ct = default) => _unused.SendRawTransactionAsync(rawTransaction, ct);
        public Task<TransactionReceipt?> GetTransactionReceiptAsync(string txHash, CancellationToken ct = default) => _unused.GetTransactionReceiptAsync(txHash, ct);
        public Task<IReadOnlyList<LogEntry>> GetLogsAsync(string address, IReadOnlyList<string?> topics, ulong fromBlock, ulong? toBlock, CancellationToken ct = default) =>
            _unused.GetLogsAsync(address, topics, fromBlock, toBlock, ct);
    }

    private static byte[] Word(BigInteger value) => [.. new byte[32 - value.GetByteCount(isUnsigned: true)], .. value.ToByteArray(isUnsigned: true, isBigEndian: true)];

    [Theory]
    [InlineData(31)]
    [InlineData(33)]
    public void ARootThatIsNotExactly32BytesIsRefusedInsteadOfPadded(int length) =>
        Assert.Throws<ArgumentException>(() => LedgerAnchorContract.EncodeAnchor(new byte[length], 1));

    [Fact]
    public async Task ABoolResultOtherThanZeroOrOneIsNoLedgerAnchorAnswer()
    {
        var contract = new LedgerAnchorContract(new AnsweringChain(Word(2)), Address);
        var error = await Assert.ThrowsAsync<ChainException>(() => contract.VerifyAsync(new byte[32], [], new byte[32]));
        Assert.Equal(ChainErrorKind.RpcError, error.Kind);
        Assert.IsType<FormatException>(error.InnerException);
    }

    [Fact]
    public async Task AUInt64ResultWithHigherBitsSetIsNoLedgerAnchorAnswer()
    {
        var contract = new LedgerAnchorContract(new AnsweringChain(Word(BigInteger.One << 64)), Address);
        var error = await Assert.ThrowsAsync<ChainException>(() => contract.AnchoredAtAsync(new byte[32]));
        Assert.Equal(ChainErrorKind.RpcError, error.Kind);
        Assert.IsType<FormatException>(error.InnerException);
    }

    [Fact]
    public async Task AResultTooShortForItsTypeIsNoLedgerAnchorAnswer()
    {
        var contract = new LedgerAnchorContract(new AnsweringChain(new byte[31]), Address);
        var error = await Assert.ThrowsAsync<ChainException>(() => contract.IssuerKeyAsync("org", Address));
        Assert.Equal(ChainErrorKind.RpcError, error.Kind);
    }

    [Fact]
    public async Task AnEmptyAnswerMeansNoContract()
    {
        var contract = new LedgerAnchorContract(new AnsweringChain([]), Address);
        Assert.Equal(ChainErrorKind.MissingContract, (await Assert.ThrowsAsync<ChainException>(() => contract.BatchCountAsync())).Kind);
    }

    [Fact]
    public void ARootAnchoredLogFromAnyOtherAddressIsIgnored()
    {
        var contract = new LedgerAnchorContract(new UnusedChainClient(), Address);
        string[] topics = [LedgerAnchorAbi.RootAnchoredTopic, Hex.Encode(Word(1)), Hex.Encode(new byte[32])];
        var log = new LogEntry("0x000000000000000000000000000000000000dEaD", topics, Word(3), 0);
        var receipt = new TransactionReceipt("0x" + new string('a', 64), 7, "0x" + new string('b', 64), true, 1, 1, null, [log]);
        Assert.Null(contract.FindRootAnchored(receipt));
        Assert.NotNull(contract.FindRootAnchored(receipt with { Logs = [log with { Address = Address }] }));
    }

    [Fact]
    public void AMalformedRootAnchoredLogFromTheContractIsAnRpcError()
    {
        var contract = new LedgerAnchorContract(new UnusedChainClient(), Address);
        string[] topics = [LedgerAnchorAbi.RootAnchoredTopic, Hex.Encode(Word(1)), Hex.Encode(new byte[32])];
        var log = new LogEntry(Address, topics, Word(BigInteger.One << 64), 0);
        var receipt = new TransactionReceipt("0x" + new string('a', 64), 7, "0x" + new string('b', 64), true, 1, 1, null, [log]);
        Assert.Equal(ChainErrorKind.RpcError, Assert.Throws<ChainException>(() => contract.FindRootAnchored(receipt)).Kind);
    }

    [Fact]
    public void TheAlreadyAnchoredRevertIsRecognisedBySelector()
    {
        var data = LedgerAnchorAbi.EncodeError(new LedgerAnchorRootAlreadyAnchoredError { Root = new byte[32], BatchId = 3 });
        Assert.True(LedgerAnchorContract.IsRootAlreadyAnchored(new ChainException(ChainErrorKind.Reverted, "reverted", revertData: data)));
        Assert.False(LedgerAnchorContract.IsRootAlreadyAnchored(new ChainException(ChainErrorKind.Reverted, "reverted", revertData: [1, 2, 3, 4])));
    }
}
