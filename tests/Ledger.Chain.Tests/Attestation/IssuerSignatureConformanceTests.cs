using Ledger.Chain.Attestation;
using Ledger.Core.Encoding;
using static Ledger.Chain.Tests.Attestation.IssuerSignatureVectors;

namespace Ledger.Chain.Tests.Attestation;

public sealed class IssuerSignatureConformanceTests(IssuerSignatureVectors vectors) : IClassFixture<IssuerSignatureVectors>
{
    private const string MaxKey = "0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140";

    [Fact]
    public void TheVectorsCoverTheEdgeKeysAndHashesAndBothParities()
    {
        Assert.Equal(3 * PerSeed, vectors.All.Count);
        Assert.Contains(vectors.All, v => v.PrivateKey.EndsWith("0001", StringComparison.Ordinal) && v.RecordHash == "0x" + new string('0', 64));
        Assert.Contains(vectors.All, v => v.PrivateKey == MaxKey && v.RecordHash == "0x" + new string('f', 64));
        Assert.Contains(vectors.All, v => v.Signature.EndsWith("1b", StringComparison.Ordinal));
        Assert.Contains(vectors.All, v => v.Signature.EndsWith("1c", StringComparison.Ordinal));
    }

    [Fact]
    public void AddressesMatchEthers()
    {
        foreach (var v in vectors.All)
        {
            Assert.Equal(v.Address, EthereumKey.FromPrivateKey(v.PrivateKey).Address);
        }
    }

    [Fact]
    public void MessageHashesMatchEthersHashMessage()
    {
        foreach (var v in vectors.All)
        {
            Assert.Equal(v.MessageHash, Hex.Encode(IssuerSignature.MessageHash(Hex.Decode(v.RecordHash))));
        }
    }

    [Fact]
    public void SignaturesMatchEthersSignMessageByteForByte()
    {
        foreach (var v in vectors.All)
        {
            Assert.Equal(v.Signature, IssuerSignature.Sign(EthereumKey.FromPrivateKey(v.PrivateKey), Hex.Decode(v.RecordHash)));
        }
    }

    [Fact]
    public void EthersSignaturesRecoverToTheAddressEthersRecovers()
    {
        foreach (var v in vectors.All)
        {
            Assert.Equal(v.Recovered, IssuerSignature.Recover(Hex.Decode(v.RecordHash), v.Signature));
        }
    }

    [Fact]
    public void EthersSignaturesVerifyForTheirSignerAndNoOtherVector()
    {
        var all = vectors.All;
        for (var i = 0; i < all.Count; i++)
        {
            var v = all[i];
            var other = all[(i + 1) % all.Count];
            Assert.True(IssuerSignature.Verify(Hex.Decode(v.RecordHash), v.Signature, v.Address));
            Assert.False(IssuerSignature.Verify(Hex.Decode(v.RecordHash), v.Signature, other.Address));
            Assert.False(IssuerSignature.Verify(Hex.Decode(other.RecordHash), v.Signature, v.Address));
        }
    }
}
