using System.Numerics;
using System.Text;
using Ledger.Chain.Rlp;

namespace Ledger.Chain.Tests.Rlp;

// The examples from the RLP specification (Ethereum wiki / Yellow Paper appendix B).
public sealed class RlpEncoderTests
{
    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static byte[] Str(string text) => RlpEncoder.EncodeBytes(Ascii(text));

    [Fact]
    public void TheStringDogIsPrefixedWithItsLength() =>
        Assert.Equal([0x83, .. Ascii("dog")], Str("dog"));

    [Fact]
    public void TheListOfCatAndDogIsPrefixedWithItsPayloadLength() =>
        Assert.Equal([0xc8, 0x83, .. Ascii("cat"), 0x83, .. Ascii("dog")], RlpEncoder.EncodeList(Str("cat"), Str("dog")));

    [Fact]
    public void TheEmptyStringIs0x80() => Assert.Equal([0x80], RlpEncoder.EncodeBytes([]));

    [Fact]
    public void TheEmptyListIs0xc0() => Assert.Equal([0xc0], RlpEncoder.EncodeList());

    [Fact]
    public void TheIntegerZeroIsTheEmptyString()
    {
        Assert.Equal([0x80], RlpEncoder.EncodeInteger(0UL));
        Assert.Equal([0x80], RlpEncoder.EncodeInteger(BigInteger.Zero));
    }

    [Fact]
    public void TheByteZeroEncodesItself() => Assert.Equal([0x00], RlpEncoder.EncodeBytes([0x00]));

    [Fact]
    public void TheIntegerFifteenEncodesItself() => Assert.Equal([0x0f], RlpEncoder.EncodeInteger(15UL));

    [Fact]
    public void TheInteger1024IsTwoBigEndianBytesWithAPrefix()
    {
        Assert.Equal([0x82, 0x04, 0x00], RlpEncoder.EncodeInteger(1024UL));
        Assert.Equal([0x82, 0x04, 0x00], RlpEncoder.EncodeInteger(new BigInteger(1024)));
    }

    [Fact]
    public void TheSetTheoreticalRepresentationOfThreeNestsEmptyLists()
    {
        var empty = RlpEncoder.EncodeList();
        var one = RlpEncoder.EncodeList(empty);
        var three = RlpEncoder.EncodeList(empty, one, RlpEncoder.EncodeList(empty, one));
        Assert.Equal([0xc7, 0xc0, 0xc1, 0xc0, 0xc3, 0xc0, 0xc1, 0xc0], three);
    }

    [Fact]
    public void AFiftySixByteStringUsesTheLongForm()
    {
        var lorem = Ascii("Lorem ipsum dolor sit amet, consectetur adipisicing elit");
        Assert.Equal([0xb8, 0x38, .. lorem], RlpEncoder.EncodeBytes(lorem));
    }

    [Fact]
    public void AFiftyFiveByteStringStillUsesTheShortForm() =>
        Assert.Equal(0xb7, RlpEncoder.EncodeBytes(new byte[55])[0]);

    [Fact]
    public void ASingleByteFrom0x80UpGetsAPrefix() => Assert.Equal([0x81, 0x80], RlpEncoder.EncodeBytes([0x80]));

    [Fact]
    public void NegativeIntegersAreRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RlpEncoder.EncodeInteger(BigInteger.MinusOne));
}
