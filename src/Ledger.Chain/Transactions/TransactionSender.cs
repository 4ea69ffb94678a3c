using System.Numerics;

namespace Ledger.Chain;

/// <summary>
/// Prepares, signs, broadcasts and awaits transactions for one key. Use exactly one per key: it serialises every send
/// from that key, because several in-flight transactions from one account can stall a node's nonce queue (anvil does).
/// </summary>
/// <remarks>
/// Ours, not Nethereum's transaction manager: that one takes nonces from a nonce service that hands out numbers for
/// transactions never sent (gaps that stall every later one) and fees from its own defaults. Here the nonce is the
/// node's pending count and the fees come from <see cref="FeePolicy"/>, always explicit; Nethereum only encodes and
/// hashes (<see cref="TransactionSigning"/>) and carries the requests (<see cref="IChainClient"/>).
/// </remarks>
public sealed class TransactionSender
{
    /// <summary>Gas limit = estimate + this percentage, since state can change between estimate and inclusion.</summary>
    public const int GasMarginPercent = 25;

    private readonly IChainClient _chain;
    private readonly ITransactionSigner _signer;
    private readonly ulong _expectedChainId;
    private readonly FeePolicy _fees;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Creates the sender for <paramref name="signer"/>'s account on the chain <paramref name="expectedChainId"/>.</summary>
    public TransactionSender(IChainClient chain, ITransactionSigner signer, ulong expectedChainId, FeePolicy fees, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(fees);
        ArgumentNullException.ThrowIfNull(time);
        _chain = chain;
        _signer = signer;
        _expectedChainId = expectedChainId;
        _fees = fees;
        _time = time;
    }

    /// <summary>The sending account (EIP-55).</summary>
    public string Address => _signer.Address;

    /// <summary>How long <see cref="WaitForReceiptAsync"/> waits between polls.</summary>
    public TimeSpan ReceiptPollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Builds and signs a transaction: checks the chain id, takes the pending nonce, estimates gas (+25 %), sets explicit
    /// fees from the latest block (legacy gas price when it has no base fee) and checks the balance covers gas × max fee.
    /// </summary>
    /// <remarks>Reverts during estimation throw Reverted with the revert data. Broadcast before preparing the next one.</remarks>
    public async Task<SignedTransaction> PrepareAsync(string? to, byte[] data, CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            return await PrepareCoreAsync(to, data, ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Signs a replacement for a pending transaction of this key: the same nonce, recipient, data and gas limit, with
    /// fees raised per <see cref="FeePolicy.ForReplacement"/>. Whichever of the two is mined, the other cannot be.
    /// </summary>
    /// <exception cref="ChainException">FeeCapTooLow when the cap does not allow a big enough bump.</exception>
    public async Task<SignedTransaction> PrepareReplacementAsync(
        string? to, byte[] data, ulong nonce, ulong gasLimit, BigInteger previousMaxFee, BigInteger previousPriorityFee, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        await _gate.WaitAsync(ct);
        try
        {
            var chainId = await CheckedChainIdAsync(ct);
            var block = await _chain.GetLatestBlockAsync(ct);
            if (block.BaseFeePerGas is { } baseFee)
            {
                var (maxFee, tip) = _fees.ForReplacement(previousMaxFee, previousPriorityFee, baseFee);
                await EnsureFundedAsync(gasLimit, maxFee, ct);
                return TransactionSigning.SignEip1559(_signer, chainId, nonce, tip, maxFee, gasLimit, to, BigInteger.Zero, data);
            }
            var price = _fees.ForLegacyReplacement(previousMaxFee, await SuggestedGasPriceAsync(ct));
            await EnsureFundedAsync(gasLimit, price, ct);
            return TransactionSigning.SignLegacy(_signer, chainId, nonce, price, gasLimit, to, BigInteger.Zero, data);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Broadcasts a signed transaction. A node that already has it, or has already mined it, counts as success.</summary>
    public async Task<string> BroadcastAsync(SignedTransaction tx, CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            return await BroadcastCoreAsync(tx, ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Polls for the receipt until it appears or <paramref name="timeout"/> passes (Timeout).</summary>
    public async Task<TransactionReceipt> WaitForReceiptAsync(string txHash, TimeSpan timeout, CancellationToken ct = default)
    {
        var started = _time.GetTimestamp();
        while (true)
        {
            var receipt = await _chain.GetTransactionReceiptAsync(txHash, ct);
            if (receipt is not null)
            {
                return receipt;
            }
            var elapsed = _time.GetElapsedTime(started);
            if (elapsed >= timeout)
            {
                throw new ChainException(
                    ChainErrorKind.Timeout,
                    $"Transaction {txHash} was not mined within {timeout}; it may still be pending in the node's pool.");
            }
            var remaining = timeout - elapsed;
            await Task.Delay(remaining < ReceiptPollInterval ? remaining : ReceiptPollInterval, _time, ct);
        }
    }

    /// <summary>
    /// Prepares, broadcasts and waits for one transaction while holding this key's lock, so sends never overlap.
    /// The receipt is returned as mined: check <see cref="TransactionReceipt.Succeeded"/>.
    /// </summary>
    public async Task<TransactionReceipt> SendAsync(string? to, byte[] data, TimeSpan timeout, CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var tx = await PrepareCoreAsync(to, data, ct);
            var hash = await BroadcastCoreAsync(tx, ct);
            return await WaitForReceiptAsync(hash, timeout, ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<SignedTransaction> PrepareCoreAsync(string? to, byte[] data, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(data);
        var chainId = await CheckedChainIdAsync(ct);
        var nonce = await _chain.GetTransactionCountAsync(Address, pending: true, ct);
        var estimate = await _chain.EstimateGasAsync(Address, to, data, ct);
        var gasLimit = checked(estimate + (estimate * GasMarginPercent + 99) / 100);
        var block = await _chain.GetLatestBlockAsync(ct);

        BigInteger maxFee;
        SignedTransaction signed;
        if (block.BaseFeePerGas is { } baseFee)
        {
            (maxFee, var tip) = _fees.ForBaseFee(baseFee);
            await EnsureFundedAsync(gasLimit, maxFee, ct);
            signed = TransactionSigning.SignEip1559(_signer, chainId, nonce, tip, maxFee, gasLimit, to, BigInteger.Zero, data);
        }
        else
        {
            maxFee = _fees.ForLegacy(await SuggestedGasPriceAsync(ct));
            await EnsureFundedAsync(gasLimit, maxFee, ct);
            signed = TransactionSigning.SignLegacy(_signer, chainId, nonce, maxFee, gasLimit, to, BigInteger.Zero, data);
        }
        return signed;
    }

    private async Task<ulong> CheckedChainIdAsync(CancellationToken ct)
    {
        var chainId = await _chain.GetChainIdAsync(ct);
        return chainId == _expectedChainId
            ? chainId
            : throw new ChainException(
                ChainErrorKind.WrongChainId,
                $"The node serves chain {chainId} but this sender is configured for chain {_expectedChainId}; refusing to sign.");
    }

    private async Task EnsureFundedAsync(ulong gasLimit, BigInteger maxFee, CancellationToken ct)
    {
        var balance = await _chain.GetBalanceAsync(Address, ct);
        var needed = gasLimit * maxFee;
        if (balance < needed)
        {
            throw new ChainException(
                ChainErrorKind.InsufficientFunds,
                $"Account {Address} holds {balance} wei but may need up to {needed} wei ({gasLimit} gas at {maxFee} wei per gas).");
        }
    }

    // Pre-London nodes answer eth_maxPriorityFeePerGas with their gas price suggestion (there is no base fee to add).
    private async Task<BigInteger> SuggestedGasPriceAsync(CancellationToken ct)
    {
        try
        {
            return await _chain.GetMaxPriorityFeePerGasAsync(ct);
        }
        catch (ChainException ex) when (ex.Kind == ChainErrorKind.RpcError)
        {
            return _fees.PriorityFeePerGas;
        }
    }

    private async Task<string> BroadcastCoreAsync(SignedTransaction tx, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tx);
        try
        {
            var hash = await _chain.SendRawTransactionAsync(tx.Raw, ct);
            return string.Equals(hash, tx.Hash, StringComparison.OrdinalIgnoreCase)
                ? tx.Hash
                : throw new ChainException(ChainErrorKind.RpcError, $"The node reported hash {hash} for transaction {tx.Hash}.");
        }
        catch (ChainException ex) when (ex.Kind == ChainErrorKind.AlreadyKnown)
        {
            return tx.Hash;
        }
        catch (ChainException ex) when (ex.Kind == ChainErrorKind.NonceTooLow)
        {
            // A rebroadcast of a transaction that was mined meanwhile: its nonce is used by itself.
            if (await _chain.GetTransactionReceiptAsync(tx.Hash, ct) is not null)
            {
                return tx.Hash;
            }
            throw;
        }
    }
}
