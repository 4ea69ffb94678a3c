using System.Numerics;

namespace Ledger.Chain.Tests;

/// <summary>For code paths that must not touch the chain: every call fails the test.</summary>
internal sealed class UnusedChainClient : IChainClient
{
    private static Task<T> Fail<T>() => throw new InvalidOperationException("This test must not call the chain.");

    public Task<ulong> GetChainIdAsync(CancellationToken ct = default) => Fail<ulong>();
    public Task<ulong> GetBlockNumberAsync(CancellationToken ct = default) => Fail<ulong>();
    public Task<BlockInfo?> GetBlockAsync(ulong number, CancellationToken ct = default) => Fail<BlockInfo?>();
    public Task<BlockInfo> GetLatestBlockAsync(CancellationToken ct = default) => Fail<BlockInfo>();
    public Task<BigInteger> GetBalanceAsync(string address, CancellationToken ct = default) => Fail<BigInteger>();
    public Task<ulong> GetTransactionCountAsync(string address, bool pending, CancellationToken ct = default) => Fail<ulong>();
    public Task<byte[]> GetCodeAsync(string address, CancellationToken ct = default) => Fail<byte[]>();
    public Task<byte[]> CallAsync(string to, byte[] data, CancellationToken ct = default) => Fail<byte[]>();
    public Task<ulong> EstimateGasAsync(string from, string? to, byte[] data, CancellationToken ct = default) => Fail<ulong>();
    public Task<BigInteger> GetMaxPriorityFeePerGasAsync(CancellationToken ct = default) => Fail<BigInteger>();
    public Task<string> SendRawTransactionAsync(byte[] rawTransaction, CancellationToken ct = default) => Fail<string>();
    public Task<TransactionReceipt?> GetTransactionReceiptAsync(string txHash, CancellationToken ct = default) => Fail<TransactionReceipt?>();
    public Task<IReadOnlyList<LogEntry>> GetLogsAsync(string address, IReadOnlyList<string?> topics, ulong fromBlock, ulong? toBlock, CancellationToken ct = default) =>
        Fail<IReadOnlyList<LogEntry>>();
}
