using System.Numerics;
using Ledger.Chain.Embedded;
using Ledger.Core.Hashing;

namespace Ledger.Chain.Tests.Signing;

public sealed class EthereumKeyTests
{
    private static readonly BigInteger HalfOrder =
        BigInteger.Parse("7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0", System.Globalization.NumberStyles.HexNumber);

    private static byte[] HashOf(int i) => Keccak256.Hash(BitConverter.GetBytes(i));

    [Fact]
    public void AnvilDevKeyZeroControlsTheWellKnownFirstAccount() =>
        Assert.Equal("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", EthereumKey.FromPrivateKey(AnvilProcess.DevPrivateKeys[0]).Address);

    [Fact]
    public void AnvilDevKeyNineControlsTheWellKnownTenthAccount() =>
        Assert.Equal("0xa0Ee7A142d267C1f36714E4a8F75612F20a79720", EthereumKey.FromPrivateKey(AnvilProcess.DevPrivateKeys[9]).Address);

    [Fact]
    public void SignaturesAlwaysUseTheLowS()
    {
        var key = EthereumKey.FromPrivateKey(AnvilProcess.DevPrivateKeys[1]);
        for (var i = 0; i < 64; i++)
        {
            var s = new BigInteger(key.SignHash(HashOf(i)).S, isUnsigned: true, isBigEndian: true);
            Assert.True(s <= HalfOrder, $"high s for hash {i}");
        }
    }

    [Fact]
    public void SignaturesRecoverToTheSignersAddress()
    {
        var key = EthereumKey.FromPrivateKey(AnvilProcess.DevPrivateKeys[2]);
        for (var i = 0; i < 32; i++)
        {
            Assert.Equal(key.Address, EcdsaRecovery.RecoverAddress(HashOf(i), key.SignHash(HashOf(i))));
        }
    }

    [Fact]
    public void SigningIsDeterministic()
    {
        var key = EthereumKey.FromPrivateKey(AnvilProcess.DevPrivateKeys[3]);
        var first = key.SignHash(HashOf(1));
        var second = key.SignHash(HashOf(1));
        Assert.Equal(first.R, second.R);
        Assert.Equal(first.S, second.S);
    }

    [Fact]
    public void AnExportedKeyImportsToTheSameAccount()
    {
        var key = EthereumKey.Generate();
        Assert.Equal(key.Address, EthereumKey.FromPrivateKey(key.ExportPrivateKey()).Address);
    }

    [Fact]
    public void ToStringShowsTheAddressButNotTheKey()
    {
        var key = EthereumKey.FromPrivateKey(AnvilProcess.DevPrivateKeys[0]);
        Assert.Contains(key.Address, key.ToString());
        Assert.DoesNotContain("ac0974bec39a17e3", key.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("0x0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")]
    [InlineData("0x1234")]
    public void KeysOutsideTheCurveOrderAreRejected(string hex) =>
        Assert.Throws<FormatException>(() => EthereumKey.FromPrivateKey(hex));

    [Fact]
    public void ARejectedKeyIsNotEchoedInTheMessage()
    {
        var error = Assert.Throws<FormatException>(() => EthereumKey.FromPrivateKey("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ffzz"));
        Assert.DoesNotContain("ac0974", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void KeccakOfTheEmptyStringIsTheWellKnownDigest() =>
        Assert.Equal("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470", Ledger.Core.Encoding.Hex.Encode(Keccak256.Hash([])));
}
