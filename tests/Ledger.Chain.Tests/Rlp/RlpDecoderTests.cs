using Ledger.Chain.Rlp;

namespace Ledger.Chain.Tests.Rlp;

public sealed class RlpDecoderTests
{
    [Fact]
    public void DecodingTheSetTheoreticalThreeGivesBackTheNesting()
    {
        var item = RlpDecoder.Decode([0xc7, 0xc0, 0xc1, 0xc0, 0xc3, 0xc0, 0xc1, 0xc0]);
        var three = Assert.IsType<RlpList>(item);
        Assert.Equal(3, three.Items.Count);
        Assert.Empty(Assert.IsType<RlpList>(three.Items[0]).Items);
        Assert.Single(Assert.IsType<RlpList>(three.Items[1]).Items);
        Assert.Equal(2, Assert.IsType<RlpList>(three.Items[2]).Items.Count);
    }

    [Fact]
    public void ALongStringRoundTrips()
    {
        var payload = Enumerable.Range(0, 3000).Select(i => (byte)i).ToArray();
        var decoded = Assert.IsType<RlpString>(RlpDecoder.Decode(RlpEncoder.EncodeBytes(payload)));
        Assert.Equal(payload, decoded.Bytes);
    }

    [Fact]
    public void TrailingBytesAreRejected() => Assert.Throws<FormatException>(() => RlpDecoder.Decode([0x80, 0x00]));

    [Fact]
    public void APrefixedSingleSmallByteIsRejectedAsNonCanonical() =>
        Assert.Throws<FormatException>(() => RlpDecoder.Decode([0x81, 0x05]));

    [Fact]
    public void TheLongFormForAShortStringIsRejectedAsNonCanonical() =>
        Assert.Throws<FormatException>(() => RlpDecoder.Decode([0xb8, 0x02, 0x01, 0x02]));

    [Fact]
    public void ALengthPastTheEndIsRejected() => Assert.Throws<FormatException>(() => RlpDecoder.Decode([0x83, 0x01]));
}
