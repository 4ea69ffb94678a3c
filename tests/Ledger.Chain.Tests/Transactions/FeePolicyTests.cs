using System.Numerics;

namespace Ledger.Chain.Tests.Transactions;

public sealed class FeePolicyTests
{
    private static readonly FeePolicy Fees = new(100_000_000_000, 1_000_000_000, ReplacementBumpPercent: 15);

    [Fact]
    public void AReplacementRaisesBothFeesByTheBumpRoundedUp()
    {
        var (maxFee, tip) = Fees.ForReplacement(previousMaxFee: 21_000_000_001, previousPriorityFee: 1_000_000_001, baseFee: 1);

        Assert.Equal(new BigInteger(24_150_000_002), maxFee);
        Assert.Equal(new BigInteger(1_150_000_002), tip);
    }

    [Fact]
    public void AReplacementPaysAtLeastTheMarketWhenTheBaseFeeRose()
    {
        var (maxFee, _) = Fees.ForReplacement(previousMaxFee: 3_000_000_000, previousPriorityFee: 1_000_000_000, baseFee: 20_000_000_000);

        Assert.Equal(new BigInteger(41_150_000_000), maxFee);
    }

    [Fact]
    public void AReplacementTheCapCannotCoverFailsWithFeeCapTooLow()
    {
        var error = Assert.Throws<ChainException>(() => Fees.ForReplacement(previousMaxFee: 90_000_000_000, previousPriorityFee: 1_000_000_000, baseFee: 1));

        Assert.Equal(ChainErrorKind.FeeCapTooLow, error.Kind);
        Assert.Contains("above the cap", error.Message);
    }

    [Fact]
    public void ALegacyReplacementRaisesTheGasPrice()
    {
        Assert.Equal(new BigInteger(115), Fees.ForLegacyReplacement(previousGasPrice: 100, suggestedGasPrice: 50));
    }
}
