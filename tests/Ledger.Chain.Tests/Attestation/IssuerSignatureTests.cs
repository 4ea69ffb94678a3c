using System.Globalization;
using System.Numerics;
using Ledger.Chain.Attestation;
using Ledger.Chain.Embedded;
using Ledger.Core.Encoding;
using Ledger.Core.Hashing;

namespace Ledger.Chain.Tests.Attestation;

public sealed class IssuerSignatureTests
{
    // Printed by js/issuer-signature-vectors.mjs (seed 1, first vector): ethers signs the zero hash with key 1.
    private const string KeyOne = "0x0000000000000000000000000000000000000000000000000000000000000001";
    private const string KeyOneAddress = "0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf";
    private const string ZeroHashSignedByKeyOne =
        "0x23a42ca5616ee730ff3735890c32fc7b9491a9f633faca9434797f2c845f5abf4d9ba23bd7edb8577acebaa3644dc5a4995296db420522bb40060f1693c33c9b1c";

    private static readonly BigInteger N = BigInteger.Parse(
        "0fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", NumberStyles.HexNumber);

    private static readonly EthereumKey Issuer = EthereumKey.FromPrivateKey(AnvilProcess.DevPrivateKeys[4]);

    private static byte[] RecordHash(int i) => Keccak256.Hash(BitConverter.GetBytes(i));

    private static string Flip(string signatureHex, int byteIndex, byte mask = 0x01)
    {
        var bytes = Hex.Decode(signatureHex);
        bytes[byteIndex] ^= mask;
        return Hex.Encode(bytes);
    }

    /// <summary>(r, n − s) with the other v: the malleable twin that recovers to the same key.</summary>
    private static string HighSTwin(string signatureHex)
    {
        var bytes = Hex.Decode(signatureHex);
        var s = new BigInteger(bytes.AsSpan(32, 32), isUnsigned: true, isBigEndian: true);
        var twin = (N - s).ToByteArray(isUnsigned: true, isBigEndian: true);
        bytes.AsSpan(32, 32).Clear();
        twin.CopyTo(bytes, 64 - twin.Length);
        bytes[64] = (byte)(55 - bytes[64]);
        return Hex.Encode(bytes);
    }

    [Fact]
    public void TheZeroHashSignedByKeyOneMatchesEthers() =>
        Assert.Equal(ZeroHashSignedByKeyOne, IssuerSignature.Sign(EthereumKey.FromPrivateKey(KeyOne), new byte[32]));

    [Fact]
    public void TheSignedDigestIsKeccakOfTheEip191PrefixAndTheRawHashBytes()
    {
        var hash = RecordHash(1);
        byte[] message = [0x19, .. "Ethereum Signed Message:\n32"u8, .. hash];
        Assert.Equal(Keccak256.Hash(message), IssuerSignature.MessageHash(hash));
        Assert.Equal(28 + 32, message.Length);
    }

    [Fact]
    public void ASignatureIs65BytesOfLowerCaseHexEndingInV27Or28()
    {
        for (var i = 0; i < 16; i++)
        {
            var signature = IssuerSignature.Sign(Issuer, RecordHash(i));
            Assert.Matches("^0x[0-9a-f]{130}$", signature);
            Assert.Contains(Hex.Decode(signature)[64], new byte[] { 27, 28 });
        }
    }

    [Fact]
    public void SigningIsDeterministic() =>
        Assert.Equal(IssuerSignature.Sign(Issuer, RecordHash(7)), IssuerSignature.Sign(Issuer, RecordHash(7)));

    [Fact]
    public void TheIssuersSignatureVerifiesAndRecoversToTheIssuer()
    {
        var signature = IssuerSignature.Sign(Issuer, RecordHash(1));
        Assert.True(IssuerSignature.Verify(RecordHash(1), signature, Issuer.Address));
        Assert.Equal(Issuer.Address, IssuerSignature.Recover(RecordHash(1), signature));
    }

    [Fact]
    public void TheExpectedAddressIsComparedIgnoringCase()
    {
        var signature = IssuerSignature.Sign(Issuer, RecordHash(1));
        Assert.True(IssuerSignature.Verify(RecordHash(1), signature, Issuer.Address.ToLowerInvariant()));
        Assert.True(IssuerSignature.Verify(RecordHash(1), signature, "0x" + Issuer.Address[2..].ToUpperInvariant()));
    }

    [Fact]
    public void SignatureHexIsAcceptedWithoutPrefixOrInUpperCase()
    {
        var signature = IssuerSignature.Sign(Issuer, RecordHash(1));
        Assert.True(IssuerSignature.Verify(RecordHash(1), signature[2..], Issuer.Address));
        Assert.True(IssuerSignature.Verify(RecordHash(1), "0x" + signature[2..].ToUpperInvariant(), Issuer.Address));
    }

    [Fact]
    public void ASignatureDoesNotVerifyForAnotherRecordHash()
    {
        var hash = RecordHash(1);
        var signature = IssuerSignature.Sign(Issuer, hash);
        for (var i = 0; i < 32; i++)
        {
            var tampered = (byte[])hash.Clone();
            tampered[i] ^= 0x80;
            Assert.False(IssuerSignature.Verify(tampered, signature, Issuer.Address));
        }
    }

    [Fact]
    public void AFlippedBitInRSOrVDoesNotVerify()
    {
        var signature = IssuerSignature.Sign(Issuer, RecordHash(1));
        for (var i = 0; i < IssuerSignature.Size; i++)
        {
            Assert.False(IssuerSignature.Verify(RecordHash(1), Flip(signature, i), Issuer.Address), $"byte {i}");
        }
    }

    [Fact]
    public void ASignatureDoesNotVerifyForAnotherAddress()
    {
        var signature = IssuerSignature.Sign(Issuer, RecordHash(1));
        Assert.False(IssuerSignature.Verify(RecordHash(1), signature, EthereumKey.FromPrivateKey(AnvilProcess.DevPrivateKeys[5]).Address));
        Assert.False(IssuerSignature.Verify(RecordHash(1), signature, "0x0000000000000000000000000000000000000000"));
    }

    [Fact]
    public void TheHighSTwinRecoversTheSameKeyButIsRejected()
    {
        for (var i = 0; i < 8; i++)
        {
            var twin = HighSTwin(IssuerSignature.Sign(Issuer, RecordHash(i)));
            var raw = Hex.Decode(twin);
            var rawSignature = new EcdsaSignature(raw[..32], raw[32..64], (byte)(raw[64] - 27));
            // The twin is a genuine signature by the issuer: that is what makes it a malleability risk.
            Assert.Equal(Issuer.Address, EcdsaRecovery.RecoverAddress(IssuerSignature.MessageHash(RecordHash(i)), rawSignature));
            Assert.False(IssuerSignature.Verify(RecordHash(i), twin, Issuer.Address));
            Assert.Throws<FormatException>(() => IssuerSignature.Recover(RecordHash(i), twin));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(26)]
    [InlineData(29)]
    [InlineData(37)]
    [InlineData(255)]
    public void AVOtherThan27Or28IsRejectedEvenWhenTheParityIsRight(byte v)
    {
        var bytes = Hex.Decode(IssuerSignature.Sign(Issuer, RecordHash(1)));
        bytes[64] = v;
        Assert.False(IssuerSignature.Verify(RecordHash(1), Hex.Encode(bytes), Issuer.Address));
        Assert.False(IssuerSignature.TryRecover(RecordHash(1), Hex.Encode(bytes), out _));
    }

    [Theory]
    [InlineData(0, "00")]
    [InlineData(32, "00")]
    [InlineData(0, "ff")]
    [InlineData(32, "ff")]
    public void ROrSOfZeroOrAboveTheGroupOrderIsRejected(int offset, string fill)
    {
        var bytes = Hex.Decode(IssuerSignature.Sign(Issuer, RecordHash(1)));
        bytes.AsSpan(offset, 32).Fill(Convert.FromHexString(fill)[0]);
        Assert.False(IssuerSignature.Verify(RecordHash(1), Hex.Encode(bytes), Issuer.Address));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0x")]
    [InlineData("0x1b")]
    [InlineData("not a signature")]
    public void MalformedSignatureTextIsFalseForVerifyAndAFormatErrorForRecover(string? signature)
    {
        Assert.False(IssuerSignature.Verify(RecordHash(1), signature, Issuer.Address));
        Assert.False(IssuerSignature.TryRecover(RecordHash(1), signature, out var address));
        Assert.Null(address);
        if (signature is not null)
        {
            Assert.Throws<FormatException>(() => IssuerSignature.Recover(RecordHash(1), signature));
        }
    }

    [Fact]
    public void SignatureTextOfTheWrongLengthOrWithNonHexDigitsIsRejected()
    {
        var signature = IssuerSignature.Sign(Issuer, RecordHash(1));
        Assert.False(IssuerSignature.Verify(RecordHash(1), signature[..^2], Issuer.Address));
        Assert.False(IssuerSignature.Verify(RecordHash(1), signature + "00", Issuer.Address));
        Assert.False(IssuerSignature.Verify(RecordHash(1), signature[..^1] + "g", Issuer.Address));
        Assert.False(IssuerSignature.Verify(RecordHash(1), " " + signature, Issuer.Address));
    }

    [Fact]
    public void AMalformedExpectedAddressIsTheCallersError() =>
        Assert.Throws<FormatException>(() => IssuerSignature.Verify(RecordHash(1), IssuerSignature.Sign(Issuer, RecordHash(1)), "0x1234"));

    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    [InlineData(31)]
    [InlineData(33)]
    public void RecordHashesMustBe32Bytes(int length)
    {
        var hash = new byte[length];
        Assert.Throws<ArgumentException>(() => IssuerSignature.Sign(Issuer, hash));
        Assert.Throws<ArgumentException>(() => IssuerSignature.Verify(hash, ZeroHashSignedByKeyOne, KeyOneAddress));
        Assert.Throws<ArgumentException>(() => IssuerSignature.MessageHash(hash));
    }

    [Fact]
    public void ASignatureOverTheBareHashWithoutThePrefixDoesNotVerify()
    {
        // What a transaction-style signer would produce: the prefix is what separates the two uses of a key.
        var bare = Issuer.SignHash(RecordHash(1));
        var encoded = Hex.Encode([.. bare.R, .. bare.S, (byte)(27 + bare.YParity)]);
        Assert.False(IssuerSignature.Verify(RecordHash(1), encoded, Issuer.Address));
    }
}
