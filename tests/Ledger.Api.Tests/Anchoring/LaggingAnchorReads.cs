using System.Numerics;
using Ledger.Api.Chain;
using Ledger.Chain;

namespace Ledger.Api.Tests.Anchoring;

/// <summary>
/// Failure injection: a real node behind a client whose first few anchoredAt answers say "not anchored" (a node lagging
/// behind the one that will run the gas estimate). Everything else goes to the node unchanged.
/// </summary>
internal sealed class LaggingAnchorReads(IChainClient node, int lagFor) : IChainClient
{
    private static readonly byte[] AnchoredAtSelector = LedgerAnchorAbi.Selector<Ledger.Chain.Contracts.AnchoredAtFunction>();
    private int _lagging = lagFor;
    private int _refused;

    public int RefusedEstimates => Volatile.Read(ref _refused);

    /// <summary>The same chain and key (embedded dev key 0), seen through this client.</summary>
    public ConnectedChain Around(ConnectedChain chain) => chain with
    {
        Client = this,
        Contract = new LedgerAnchorContract(this, chain.Contract.Address),
        Sender = new TransactionSender(this, Testing.AnvilNode.DevKeys[0], chain.ChainId, Testing.AnvilNode.DevFees, TimeProvider.System),
    };

    public async Task<byte[]> CallAsync(string to, byte[] data, CancellationToken ct = default)
    {
        if (data.AsSpan().StartsWith(AnchoredAtSelector) && Interlocked.Decrement(ref _lagging) >= 0)
        {
            return new byte[32];
        }
        return await node.CallAsync(to, data, ct);
    }

    public async Task<ulong> EstimateGasAsync(string from, string? to, byte[] data, CancellationToken ct = default)
    {
        try
        {
            return await node.EstimateGasAsync(from, to, data, ct);
        }
        catch (ChainException e) when (LedgerAnchorContract.IsRootAlreadyAnchored(e))
        {
            Interlocked.Increment(ref _refused);
            throw;
        }
    }

    public Task<ulong> GetChainIdAsync(CancellationToken ct = default) => node.GetChainIdAsync(ct);
    public Task<ulong> GetBlockNumberAsync(CancellationToken ct = default) => node.GetBlockNumberAsync(ct);
    public Task<BlockInfo?> GetBlockAsync(ulong number, CancellationToken ct = default) => node.GetBlockAsync(number, ct);
    public Task<BlockInfo> GetLatestBlockAsync(CancellationToken ct = default) => node.GetLatestBlockAsync(ct);
    public Task<BigInteger> GetBalanceAsync(string address, CancellationToken ct = default) => node.GetBalanceAsync(address, ct);
    public Task<ulong> GetTransactionCountAsync(string address, bool pending, CancellationToken ct = default) => node.GetTransactionCountAsync(address, pending, ct);
    public Task<byte[]> GetCodeAsync(string address, CancellationToken ct = default) => node.GetCodeAsync(address, ct);
    public Task<BigInteger> GetMaxPriorityFeePerGasAsync(CancellationToken ct = default) => node.GetMaxPriorityFeePerGasAsync(ct);
    public Task<string> SendRawTransactionAsync(byte[] rawTransaction, CancellationToken ct = default) => node.SendRawTransactionAsync(rawTransaction, ct);
    public Task<TransactionReceipt?> GetTransactionReceiptAsync(string txHash, CancellationToken ct = default) => node.GetTransactionReceiptAsync(txHash, ct);
    public Task<IReadOnlyList<LogEntry>> GetLogsAsync(string address, IReadOnlyList<string?> topics, ulong fromBlock, ulong? toBlock, CancellationToken ct = default) =>
        node.GetLogsAsync(address, topics, fromBlock, toBlock, ct);
}
