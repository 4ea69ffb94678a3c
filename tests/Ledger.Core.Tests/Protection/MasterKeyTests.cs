using System.Security.Cryptography;
using Ledger.Core.Encoding;
using Ledger.Core.Protection;
using static Ledger.Core.Tests.Protection.ProtectionFixtures;

namespace Ledger.Core.Tests.Protection;

public sealed class MasterKeyTests
{
    [Fact]
    public void TheIdIsTheFirstEightBytesOfADomainSeparatedSha256OfTheKey()
    {
        using var key = Master();
        var expected = SHA256.HashData([.. System.Text.Encoding.ASCII.GetBytes("ledger/master-key-id/v1\0"), .. Hex.Decode(MasterHex)]);
        Assert.Equal(Convert.ToHexStringLower(expected.AsSpan(0, 8)), key.Id);
    }

    [Fact]
    public void TheIdIsNotThePlainSha256OfTheKey()
    {
        using var key = Master();
        Assert.False(Convert.ToHexStringLower(SHA256.HashData(Hex.Decode(MasterHex))).StartsWith(key.Id, StringComparison.Ordinal));
    }

    [Fact]
    public void HexAndBase64FormsOfOneKeyHaveTheSameId()
    {
        using var fromHex = MasterKey.Parse(MasterHex);
        using var fromBase64 = MasterKey.Parse(Convert.ToBase64String(Hex.Decode(MasterHex)));
        Assert.Equal(fromHex.Id, fromBase64.Id);
    }

    [Theory]
    [InlineData("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f")]
    [InlineData("0X000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F")]
    [InlineData("  0x000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\n")]
    public void HexParsesWithOrWithoutPrefixInEitherCaseAndIgnoresSurroundingWhitespace(string text)
    {
        using var key = MasterKey.Parse(text);
        using var reference = Master();
        Assert.Equal(reference.Id, key.Id);
    }

    [Fact]
    public void AnExportedKeyParsesToTheSameKey()
    {
        using var key = MasterKey.Generate();
        using var again = MasterKey.Parse(key.ExportHex());
        Assert.Equal(key.Id, again.Id);
        Assert.Equal(key.ExportHex(), again.ExportHex());
    }

    [Theory]
    [InlineData("")]
    [InlineData("0x")]
    [InlineData("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e")]
    [InlineData("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20")]
    [InlineData("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1g")]
    [InlineData("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHg==")]
    [InlineData("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8g")]
    [InlineData("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh!=")]
    [InlineData("not a key at all")]
    public void TextThatIsNeitherHexNorBase64OfThirtyTwoBytesIsRejected(string text) =>
        Assert.Throws<FormatException>(() => MasterKey.Parse(text));

    [Fact]
    public void ARejectedKeyIsNeverEchoedInTheMessage()
    {
        const string typo = "0x7c9e1f4a2b3d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6eZ";
        var error = Assert.Throws<FormatException>(() => MasterKey.Parse(typo));
        Assert.DoesNotContain("7c9e1f4a", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("6eZ", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void AnAllZeroKeyIsRejectedAsAPlaceholder()
    {
        var error = Assert.Throws<FormatException>(() => MasterKey.Parse("0x" + new string('0', 64)));
        Assert.Contains("placeholder", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(64)]
    public void KeysOfAnyLengthButThirtyTwoBytesAreRejected(int length) =>
        Assert.Throws<FormatException>(() => MasterKey.FromBytes(Enumerable.Repeat((byte)7, length).ToArray()));

    [Fact]
    public void ToStringShowsTheIdButNotTheKey()
    {
        using var key = Master();
        Assert.Equal($"MasterKey({key.Id})", key.ToString());
        Assert.DoesNotContain("0405060708", key.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void GeneratingFromTheSameRandomnessGivesTheSameKey()
    {
        using var first = MasterKey.Generate(new SeededRandom("master"));
        using var second = MasterKey.Generate(new SeededRandom("master"));
        using var third = MasterKey.Generate(new SeededRandom("another master"));
        Assert.Equal(first.Id, second.Id);
        Assert.NotEqual(first.Id, third.Id);
    }

    [Fact]
    public void DifferentKeysHaveDifferentIds()
    {
        using var a = Master();
        using var b = OtherMaster();
        Assert.NotEqual(a.Id, b.Id);
        Assert.Matches("^[0-9a-f]{16}$", a.Id);
    }

    [Fact]
    public void ADisposedMasterKeyCannotWrap()
    {
        var master = Master();
        using var dataKey = SubjectKey();
        master.Dispose();
        Assert.Throws<ObjectDisposedException>(() => new KeyWrapper().Wrap(dataKey, master));
        Assert.Throws<ObjectDisposedException>(master.ExportHex);
    }
}
