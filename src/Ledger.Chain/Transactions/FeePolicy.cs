using System.Numerics;

namespace Ledger.Chain;

/// <summary>How much a sender may pay per gas: a hard cap, the tip it offers, and the bump used to replace a stuck transaction.</summary>
/// <param name="MaxFeePerGasCap">Never pay more than this per gas, in wei.</param>
/// <param name="PriorityFeePerGas">The tip offered to the block producer, in wei.</param>
/// <param name="ReplacementBumpPercent">How much more a replacement offers (nodes require at least 10 %).</param>
public sealed record FeePolicy(BigInteger MaxFeePerGasCap, BigInteger PriorityFeePerGas, int ReplacementBumpPercent = 15)
{
    /// <summary>
    /// EIP-1559 fees for a block with <paramref name="baseFee"/>: maxFee = min(cap, 2·baseFee + tip), which survives
    /// several full blocks of base-fee growth (12.5 % each); the tip is capped by maxFee.
    /// </summary>
    /// <exception cref="ChainException">FeeCapTooLow when the cap is below the base fee: nothing could be mined now.</exception>
    public (BigInteger MaxFeePerGas, BigInteger MaxPriorityFeePerGas) ForBaseFee(BigInteger baseFee)
    {
        Validate();
        if (MaxFeePerGasCap < baseFee)
        {
            throw new ChainException(
                ChainErrorKind.FeeCapTooLow,
                $"The fee cap of {MaxFeePerGasCap} wei per gas is below the current base fee of {baseFee} wei; raise the cap or wait for cheaper blocks.");
        }
        var maxFee = BigInteger.Min(MaxFeePerGasCap, 2 * baseFee + PriorityFeePerGas);
        return (maxFee, BigInteger.Min(PriorityFeePerGas, maxFee));
    }

    /// <summary>A legacy gas price: the larger of our tip and the node's suggestion, never above the cap.</summary>
    public BigInteger ForLegacy(BigInteger suggestedGasPrice)
    {
        Validate();
        return BigInteger.Min(MaxFeePerGasCap, BigInteger.Max(PriorityFeePerGas, suggestedGasPrice));
    }

    /// <summary>
    /// EIP-1559 fees for replacing a pending transaction: each fee raised by at least <see cref="ReplacementBumpPercent"/>
    /// (nodes refuse smaller bumps), and at least what <see cref="ForBaseFee"/> would offer now.
    /// </summary>
    /// <exception cref="ChainException">FeeCapTooLow when the bumped max fee would exceed the cap: keep the original and wait.</exception>
    public (BigInteger MaxFeePerGas, BigInteger MaxPriorityFeePerGas) ForReplacement(BigInteger previousMaxFee, BigInteger previousPriorityFee, BigInteger baseFee)
    {
        Validate();
        var tip = BigInteger.Max(Bump(previousPriorityFee), PriorityFeePerGas);
        var maxFee = BigInteger.Max(Bump(previousMaxFee), BigInteger.Min(MaxFeePerGasCap, 2 * baseFee + tip));
        if (maxFee > MaxFeePerGasCap)
        {
            throw new ChainException(
                ChainErrorKind.FeeCapTooLow,
                $"Replacing the transaction needs a max fee of {maxFee} wei per gas ({ReplacementBumpPercent} % over {previousMaxFee}), above the cap of {MaxFeePerGasCap}; waiting for the original instead.");
        }
        return (maxFee, BigInteger.Min(tip, maxFee));
    }

    /// <summary>A legacy gas price for replacing a pending transaction: bumped, at least the node's suggestion, never above the cap.</summary>
    /// <exception cref="ChainException">FeeCapTooLow when the bumped price would exceed the cap.</exception>
    public BigInteger ForLegacyReplacement(BigInteger previousGasPrice, BigInteger suggestedGasPrice)
    {
        Validate();
        var price = BigInteger.Max(Bump(previousGasPrice), suggestedGasPrice);
        return price <= MaxFeePerGasCap
            ? price
            : throw new ChainException(
                ChainErrorKind.FeeCapTooLow,
                $"Replacing the transaction needs a gas price of {price} wei, above the cap of {MaxFeePerGasCap}; waiting for the original instead.");
    }

    /// <summary>A fee raised by <see cref="ReplacementBumpPercent"/>, rounded up, so a node accepts it as a replacement.</summary>
    public BigInteger Bump(BigInteger fee) => (fee * (100 + ReplacementBumpPercent) + 99) / 100;

    private void Validate()
    {
        if (MaxFeePerGasCap.Sign <= 0 || PriorityFeePerGas.Sign < 0 || ReplacementBumpPercent < 10)
        {
            throw new InvalidOperationException(
                "FeePolicy needs a positive cap, a non-negative tip and a replacement bump of at least 10 %.");
        }
    }
}
