using System.Numerics;
using Ledger.Core.Encoding;
using Nethereum.Model;
using Nethereum.RLP;

namespace Ledger.Chain;

/// <summary>
/// Builds and signs EIP-1559 and legacy EIP-155 transactions with Nethereum's transaction model (RLP, signing hash,
/// envelope, transaction hash), taking the signature from any <see cref="ITransactionSigner"/> so an HSM can stand in.
/// </summary>
/// <remarks>Every field is explicit: Nethereum never picks a nonce, a fee or a gas limit here.</remarks>
public static class TransactionSigning
{
    /// <summary>An EIP-1559 (type 2) transaction with an empty access list.</summary>
    /// <param name="to">The recipient, or null to create a contract.</param>
    public static SignedTransaction SignEip1559(
        ITransactionSigner signer, ulong chainId, ulong nonce, BigInteger maxPriorityFeePerGas, BigInteger maxFeePerGas,
        ulong gasLimit, string? to, BigInteger value, byte[] data)
    {
        var transaction = Eip1559(chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value, data);
        var signature = SignChecked(signer, transaction.RawHash);
        // The y parity as an RLP integer: 0 is the empty string.
        transaction.SetSignature(new Signature(signature.R, signature.S, signature.YParity == 0 ? [] : [signature.YParity]));
        return Signed(transaction, nonce, maxFeePerGas, maxPriorityFeePerGas, gasLimit);
    }

    /// <summary>A legacy transaction with EIP-155 replay protection (v = chainId·2 + 35 + y parity), for chains without a base fee.</summary>
    /// <param name="to">The recipient, or null to create a contract.</param>
    public static SignedTransaction SignLegacy(
        ITransactionSigner signer, ulong chainId, ulong nonce, BigInteger gasPrice, ulong gasLimit, string? to, BigInteger value, byte[] data)
    {
        var transaction = Legacy(chainId, nonce, gasPrice, gasLimit, to, value, data);
        var signature = SignChecked(signer, transaction.RawHash);
        var v = VRecoveryAndChainCalculations.CalculateV(chainId, signature.YParity);
        transaction.SetSignature(new Signature(signature.R, signature.S, v.ToBytesForRLPEncoding()));
        return Signed(transaction, nonce, gasPrice, gasPrice, gasLimit);
    }

    /// <summary>keccak256(0x02 ‖ rlp([chainId, nonce, tip, maxFee, gas, to, value, data, accessList])): what is signed.</summary>
    public static byte[] Eip1559SigningHash(
        ulong chainId, ulong nonce, BigInteger maxPriorityFeePerGas, BigInteger maxFeePerGas, ulong gasLimit, string? to, BigInteger value, byte[] data) =>
        Eip1559(chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value, data).RawHash;

    /// <summary>EIP-155: keccak256(rlp([nonce, gasPrice, gas, to, value, data, chainId, 0, 0])): what is signed.</summary>
    public static byte[] LegacySigningHash(ulong chainId, ulong nonce, BigInteger gasPrice, ulong gasLimit, string? to, BigInteger value, byte[] data) =>
        Legacy(chainId, nonce, gasPrice, gasLimit, to, value, data).RawHash;

    private static Transaction1559 Eip1559(
        ulong chainId, ulong nonce, BigInteger maxPriorityFeePerGas, BigInteger maxFeePerGas, ulong gasLimit, string? to, BigInteger value, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (maxPriorityFeePerGas > maxFeePerGas)
        {
            throw new InvalidOperationException("The priority fee cannot exceed the max fee per gas.");
        }
        RequireNonNegative(maxPriorityFeePerGas, value);
        return new Transaction1559(chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, Recipient(to), value, Hex.Encode(data), []);
    }

    private static LegacyTransactionChainId Legacy(ulong chainId, ulong nonce, BigInteger gasPrice, ulong gasLimit, string? to, BigInteger value, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        RequireNonNegative(gasPrice, value);
        return new LegacyTransactionChainId(
            Integer(nonce), Integer(gasPrice), Integer(gasLimit), to is null ? [] : EthereumAddress.Parse(to), Integer(value), data, Integer(chainId));
    }

    private static byte[] Integer(BigInteger value) => value.ToBytesForRLPEncoding();

    // Nethereum takes the recipient as text; parse it first so a malformed address fails here, not as odd RLP.
    private static string? Recipient(string? to) => to is null ? null : Hex.Encode(EthereumAddress.Parse(to));

    private static void RequireNonNegative(params BigInteger[] values)
    {
        if (values.Any(v => v.Sign < 0))
        {
            throw new ArgumentOutOfRangeException(nameof(values), "Transaction amounts and fees cannot be negative.");
        }
    }

    private static EcdsaSignature SignChecked(ITransactionSigner signer, byte[] hash)
    {
        ArgumentNullException.ThrowIfNull(signer);
        var signature = signer.SignHash(hash);
        if (signature.R is not { Length: 32 } || signature.S is not { Length: 32 } || signature.YParity > 1)
        {
            throw new InvalidOperationException("The signer returned a malformed signature (r and s must be 32 bytes, y parity 0 or 1).");
        }
        return signature;
    }

    private static SignedTransaction Signed(ISignedTransaction transaction, ulong nonce, BigInteger maxFee, BigInteger maxPriorityFee, ulong gasLimit) =>
        new(transaction.GetRLPEncoded(), Hex.Encode(transaction.Hash), nonce, maxFee, maxPriorityFee, gasLimit);
}
