using System.Numerics;
using Ledger.Chain.Abi;
using Ledger.Core.Encoding;

namespace Ledger.Chain.Tests.Abi;

// Examples from the Solidity ABI specification.
public sealed class AbiEncoderTests
{
    [Fact]
    public void TheSpecExampleBazEncodesSelectorAndStaticArguments()
    {
        var baz = AbiFunction.Parse("baz(uint32 x, bool y) returns (bool)");
        Assert.Equal(
            "0xcdcd77c0"
            + "0000000000000000000000000000000000000000000000000000000000000045"
            + "0000000000000000000000000000000000000000000000000000000000000001",
            Hex.Encode(baz.EncodeCall(69u, true)));
    }

    [Fact]
    public void TheSpecExampleSamPutsDynamicArgumentsInTheTail()
    {
        var sam = AbiFunction.Parse("sam(bytes, bool, uint256[])");
        var encoded = sam.EncodeCall("dave"u8.ToArray(), true, new object[] { 1, 2, 3 });
        Assert.Equal(
            "0xa5643bf2"
            + "0000000000000000000000000000000000000000000000000000000000000060"
            + "0000000000000000000000000000000000000000000000000000000000000001"
            + "00000000000000000000000000000000000000000000000000000000000000a0"
            + "0000000000000000000000000000000000000000000000000000000000000004"
            + "6461766500000000000000000000000000000000000000000000000000000000"
            + "0000000000000000000000000000000000000000000000000000000000000003"
            + "0000000000000000000000000000000000000000000000000000000000000001"
            + "0000000000000000000000000000000000000000000000000000000000000002"
            + "0000000000000000000000000000000000000000000000000000000000000003",
            Hex.Encode(encoded));
    }

    [Fact]
    public void DecodingReversesEncodingForDynamicTypes()
    {
        var types = new[] { "string", "bytes32[]", "bytes" }.Select(AbiType.Parse).ToList();
        var proof = new[] { new byte[32], Enumerable.Repeat((byte)7, 32).ToArray() };
        var encoded = AbiEncoder.Encode(types, ["héllo", proof, new byte[] { 1, 2, 3 }]);
        var decoded = AbiDecoder.Decode(types, encoded);
        Assert.Equal("héllo", decoded[0]);
        Assert.Equal(proof, ((object?[])decoded[1]!).Cast<byte[]>());
        Assert.Equal(new byte[] { 1, 2, 3 }, decoded[2]);
    }

    [Fact]
    public void AValueTooWideForItsTypeIsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AbiEncoder.Encode(("uint64", BigInteger.One << 64)));

    [Fact]
    public void DirtyHighBitsInAUint64AreRejectedWhenDecoding()
    {
        var word = AbiEncoder.Encode(("uint256", BigInteger.One << 64));
        Assert.Throws<FormatException>(() => AbiDecoder.Decode(word, "uint64"));
    }

    [Fact]
    public void AnOffsetPastTheEndIsRejectedWhenDecoding()
    {
        var word = AbiEncoder.Encode(("uint256", 4096));
        Assert.Throws<FormatException>(() => AbiDecoder.Decode(word, "bytes"));
    }

    [Fact]
    public void UintAliasesUint256InSignatures() =>
        Assert.Equal("f(uint256,int256[2][])", AbiSignature.Canonical("f", AbiSignature.Parse("f(uint a, int[2][] b)").Parameters));
}
