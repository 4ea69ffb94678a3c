using System.Numerics;
using Ledger.Chain.Rlp;
using Ledger.Core.Hashing;

namespace Ledger.Chain;

/// <summary>A legacy (type 0) transaction with EIP-155 replay protection, for chains without a base fee.</summary>
/// <param name="To">The recipient, or null to create a contract.</param>
public sealed record LegacyTransaction(
    ulong ChainId,
    ulong Nonce,
    BigInteger GasPrice,
    ulong GasLimit,
    string? To,
    BigInteger Value,
    byte[] Data)
{
    /// <summary>EIP-155: keccak256(rlp([nonce, gasPrice, gas, to, value, data, chainId, 0, 0])).</summary>
    public byte[] SigningHash()
    {
        var fields = Fields();
        fields.Add(RlpEncoder.EncodeInteger(ChainId));
        fields.Add(RlpEncoder.EncodeInteger(0UL));
        fields.Add(RlpEncoder.EncodeInteger(0UL));
        return Keccak256.Hash(RlpEncoder.EncodeList(fields));
    }

    /// <summary>Signs and returns rlp([nonce, gasPrice, gas, to, value, data, v, r, s]) with v = chainId·2 + 35 + yParity.</summary>
    public SignedTransaction Sign(ITransactionSigner signer)
    {
        var signature = TransactionFields.SignChecked(signer, SigningHash());
        // BigInteger: chain ids above 2⁶³ would overflow v in 64 bits.
        var v = new BigInteger(ChainId) * 2 + 35 + signature.YParity;
        var fields = Fields();
        fields.Add(RlpEncoder.EncodeInteger(v));
        fields.Add(TransactionFields.SignatureWord(signature.R));
        fields.Add(TransactionFields.SignatureWord(signature.S));
        return TransactionFields.Signed(RlpEncoder.EncodeList(fields), Nonce, GasPrice, GasPrice, GasLimit);
    }

    private List<byte[]> Fields()
    {
        ArgumentNullException.ThrowIfNull(Data);
        return
        [
            RlpEncoder.EncodeInteger(Nonce),
            RlpEncoder.EncodeInteger(GasPrice),
            RlpEncoder.EncodeInteger(GasLimit),
            TransactionFields.To(To),
            RlpEncoder.EncodeInteger(Value),
            RlpEncoder.EncodeBytes(Data),
        ];
    }
}
