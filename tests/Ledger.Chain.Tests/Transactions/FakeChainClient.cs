using System.Collections.Concurrent;
using System.Numerics;
using Ledger.Core.Encoding;
using Ledger.Core.Hashing;

namespace Ledger.Chain.Tests.Transactions;

/// <summary>A scripted chain for sender tests: fixed answers, recorded broadcasts, receipts on demand.</summary>
internal sealed class FakeChainClient : IChainClient
{
    public ulong ChainId { get; init; } = 31337;
    public ulong PendingNonce { get; set; } = 7;
    public ulong GasEstimate { get; init; } = 100_000;
    public BigInteger? BaseFee { get; init; } = 10_000_000_000;
    public BigInteger Balance { get; init; } = BigInteger.Pow(10, 20);
    public BigInteger SuggestedTip { get; init; } = 3_000_000_000;
    public Func<byte[], string>? OnSend { get; init; }
    public ConcurrentDictionary<string, TransactionReceipt> Receipts { get; } = new(StringComparer.OrdinalIgnoreCase);
    public ConcurrentQueue<byte[]> Broadcasts { get; } = new();
    private int _receiptPolls;

    public int ReceiptPolls => Volatile.Read(ref _receiptPolls);

    public Task<ulong> GetChainIdAsync(CancellationToken ct = default) => Task.FromResult(ChainId);
    public Task<ulong> GetBlockNumberAsync(CancellationToken ct = default) => Task.FromResult(1UL);
    public Task<BlockInfo?> GetBlockAsync(ulong number, CancellationToken ct = default) => Task.FromResult<BlockInfo?>(Block);
    public Task<BlockInfo> GetLatestBlockAsync(CancellationToken ct = default) => Task.FromResult(Block);
    public Task<BigInteger> GetBalanceAsync(string address, CancellationToken ct = default) => Task.FromResult(Balance);
    public Task<ulong> GetTransactionCountAsync(string address, bool pending, CancellationToken ct = default) => Task.FromResult(PendingNonce);
    public Task<byte[]> GetCodeAsync(string address, CancellationToken ct = default) => Task.FromResult(Array.Empty<byte>());
    public Task<byte[]> CallAsync(string to, byte[] data, CancellationToken ct = default) => Task.FromResult(Array.Empty<byte>());
    public Task<ulong> EstimateGasAsync(string from, string? to, byte[] data, CancellationToken ct = default) => Task.FromResult(GasEstimate);
    public Task<BigInteger> GetMaxPriorityFeePerGasAsync(CancellationToken ct = default) => Task.FromResult(SuggestedTip);

    public Task<string> SendRawTransactionAsync(byte[] rawTransaction, CancellationToken ct = default)
    {
        Broadcasts.Enqueue(rawTransaction);
        return Task.FromResult(OnSend is null ? HashOf(rawTransaction) : OnSend(rawTransaction));
    }

    public Task<TransactionReceipt?> GetTransactionReceiptAsync(string txHash, CancellationToken ct = default)
    {
        Interlocked.Increment(ref _receiptPolls);
        return Task.FromResult(Receipts.GetValueOrDefault(txHash));
    }

    public Task<IReadOnlyList<LogEntry>> GetLogsAsync(string address, IReadOnlyList<string?> topics, ulong fromBlock, ulong? toBlock, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<LogEntry>>([]);

    public static string HashOf(byte[] raw) => Hex.Encode(Keccak256.Hash(raw));

    /// <summary>Marks the n-th broadcast (0-based) as mined.</summary>
    public void Mine(int index)
    {
        var hash = HashOf(Broadcasts.ToArray()[index]);
        Receipts[hash] = ReceiptFor(hash);
    }

    public static TransactionReceipt ReceiptFor(string hash) =>
        new(hash, 2, "0x" + new string('b', 64), true, 21_000, 1, null, []);

    private BlockInfo Block => new(1, "0x" + new string('1', 64), "0x" + new string('0', 64), 1_700_000_000, BaseFee);
}
