using System.Numerics;
using Ledger.Chain.Rlp;
using Ledger.Core.Encoding;
using Ledger.Core.Hashing;

namespace Ledger.Chain;

/// <summary>RLP forms of the fields both transaction types share.</summary>
internal static class TransactionFields
{
    /// <summary>The recipient, or the empty string for contract creation.</summary>
    public static byte[] To(string? to) => RlpEncoder.EncodeBytes(to is null ? [] : EthereumAddress.Parse(to));

    /// <summary>r and s are integers in RLP, so their leading zero bytes go.</summary>
    public static byte[] SignatureWord(byte[] word) => RlpEncoder.EncodeInteger(new BigInteger(word, isUnsigned: true, isBigEndian: true));

    public static SignedTransaction Signed(byte[] raw, ulong nonce, BigInteger maxFee, BigInteger maxPriorityFee, ulong gasLimit) =>
        new(raw, Hex.Encode(Keccak256.Hash(raw)), nonce, maxFee, maxPriorityFee, gasLimit);

    public static EcdsaSignature SignChecked(ITransactionSigner signer, byte[] hash)
    {
        ArgumentNullException.ThrowIfNull(signer);
        var signature = signer.SignHash(hash);
        if (signature.R is not { Length: 32 } || signature.S is not { Length: 32 } || signature.YParity > 1)
        {
            throw new InvalidOperationException("The signer returned a malformed signature (r and s must be 32 bytes, y parity 0 or 1).");
        }
        return signature;
    }
}
