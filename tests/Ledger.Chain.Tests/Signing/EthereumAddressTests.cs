namespace Ledger.Chain.Tests.Signing;

public sealed class EthereumAddressTests
{
    // Examples from EIP-55.
    [Theory]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")]
    [InlineData("0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB")]
    [InlineData("0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb")]
    public void ChecksummingReproducesTheEip55Examples(string address) =>
        Assert.Equal(address, EthereumAddress.Normalize(address.ToLowerInvariant()));

    [Fact]
    public void AMixedCaseAddressWithABadChecksumIsRejected() =>
        Assert.Throws<FormatException>(() => EthereumAddress.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"));

    [Fact]
    public void AllUpperCaseHexIsAcceptedWithoutAChecksum() =>
        Assert.True(EthereumAddress.IsValid("0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED"));

    [Fact]
    public void AShortAddressIsRejected() => Assert.False(EthereumAddress.IsValid("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA"));
}
