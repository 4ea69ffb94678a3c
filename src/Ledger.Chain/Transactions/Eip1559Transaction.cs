using System.Numerics;
using Ledger.Chain.Rlp;
using Ledger.Core.Hashing;

namespace Ledger.Chain;

/// <summary>An EIP-1559 (type 2, EIP-2718 envelope) transaction with an empty access list.</summary>
/// <param name="To">The recipient, or null to create a contract.</param>
public sealed record Eip1559Transaction(
    ulong ChainId,
    ulong Nonce,
    BigInteger MaxPriorityFeePerGas,
    BigInteger MaxFeePerGas,
    ulong GasLimit,
    string? To,
    BigInteger Value,
    byte[] Data)
{
    /// <summary>The EIP-2718 type byte.</summary>
    public const byte Type = 0x02;

    /// <summary>keccak256(0x02 ‖ rlp([chainId, nonce, tip, maxFee, gas, to, value, data, accessList])).</summary>
    public byte[] SigningHash() => Keccak256.Hash([Type, .. RlpEncoder.EncodeList(Fields())]);

    /// <summary>Signs and returns the raw envelope 0x02 ‖ rlp([…fields, yParity, r, s]) and its hash.</summary>
    public SignedTransaction Sign(ITransactionSigner signer)
    {
        var signature = TransactionFields.SignChecked(signer, SigningHash());
        var fields = Fields();
        fields.Add(RlpEncoder.EncodeInteger((ulong)signature.YParity));
        fields.Add(TransactionFields.SignatureWord(signature.R));
        fields.Add(TransactionFields.SignatureWord(signature.S));
        byte[] raw = [Type, .. RlpEncoder.EncodeList(fields)];
        return TransactionFields.Signed(raw, Nonce, MaxFeePerGas, MaxPriorityFeePerGas, GasLimit);
    }

    private List<byte[]> Fields()
    {
        ArgumentNullException.ThrowIfNull(Data);
        if (MaxPriorityFeePerGas > MaxFeePerGas)
        {
            throw new InvalidOperationException("The priority fee cannot exceed the max fee per gas.");
        }
        return
        [
            RlpEncoder.EncodeInteger(ChainId),
            RlpEncoder.EncodeInteger(Nonce),
            RlpEncoder.EncodeInteger(MaxPriorityFeePerGas),
            RlpEncoder.EncodeInteger(MaxFeePerGas),
            RlpEncoder.EncodeInteger(GasLimit),
            TransactionFields.To(To),
            RlpEncoder.EncodeInteger(Value),
            RlpEncoder.EncodeBytes(Data),
            RlpEncoder.EncodeList(),
        ];
    }
}
