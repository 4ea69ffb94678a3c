using System.Numerics;

namespace Ledger.Chain;

/// <summary>The Ethereum JSON-RPC surface Ledger uses; the seam where another client library or a fake can stand in.</summary>
/// <remarks>Failures surface as <see cref="ChainException"/> with a <see cref="ChainErrorKind"/>.</remarks>
public interface IChainClient
{
    /// <summary>eth_chainId.</summary>
    Task<ulong> GetChainIdAsync(CancellationToken ct = default);

    /// <summary>eth_blockNumber.</summary>
    Task<ulong> GetBlockNumberAsync(CancellationToken ct = default);

    /// <summary>eth_getBlockByNumber; null when the block does not exist (yet).</summary>
    Task<BlockInfo?> GetBlockAsync(ulong number, CancellationToken ct = default);

    /// <summary>eth_getBlockByNumber("latest").</summary>
    Task<BlockInfo> GetLatestBlockAsync(CancellationToken ct = default);

    /// <summary>eth_getBalance at the latest block, in wei.</summary>
    Task<BigInteger> GetBalanceAsync(string address, CancellationToken ct = default);

    /// <summary>eth_getTransactionCount at "pending" (includes queued transactions) or "latest".</summary>
    Task<ulong> GetTransactionCountAsync(string address, bool pending, CancellationToken ct = default);

    /// <summary>eth_getCode at the latest block; empty for accounts without code.</summary>
    Task<byte[]> GetCodeAsync(string address, CancellationToken ct = default);

    /// <summary>eth_call at the latest block; a revert throws <see cref="ChainException"/> (Reverted) with the revert data.</summary>
    Task<byte[]> CallAsync(string to, byte[] data, CancellationToken ct = default);

    /// <summary>eth_estimateGas; <paramref name="to"/> null estimates a contract creation. Reverts throw like <see cref="CallAsync"/>.</summary>
    Task<ulong> EstimateGasAsync(string from, string? to, byte[] data, CancellationToken ct = default);

    /// <summary>eth_maxPriorityFeePerGas: the node's suggested tip in wei.</summary>
    Task<BigInteger> GetMaxPriorityFeePerGasAsync(CancellationToken ct = default);

    /// <summary>eth_sendRawTransaction; returns the transaction hash.</summary>
    Task<string> SendRawTransactionAsync(byte[] rawTransaction, CancellationToken ct = default);

    /// <summary>eth_getTransactionReceipt; null while the transaction is pending or unknown.</summary>
    Task<TransactionReceipt?> GetTransactionReceiptAsync(string txHash, CancellationToken ct = default);

    /// <summary>
    /// eth_getLogs for the logs of <paramref name="address"/> between two blocks (<paramref name="toBlock"/> null for
    /// "latest"). <paramref name="topics"/> match by position; null matches anything.
    /// </summary>
    Task<IReadOnlyList<LogEntry>> GetLogsAsync(
        string address, IReadOnlyList<string?> topics, ulong fromBlock, ulong? toBlock, CancellationToken ct = default);
}
