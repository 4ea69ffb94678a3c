using System.Text.Json;
using Ledger.Chain.Attestation;
using Ledger.Chain.Tests.Fixtures;
using Ledger.Core.Encoding;
using Ledger.Core.Proofs;

namespace Ledger.Chain.Tests.Attestation;

/// <summary>Issuer signatures and proof bundles made before the move to Nethereum still check out, and signing is unchanged.</summary>
public sealed class PreNethereumSignatureTests
{
    [Fact]
    public void SignaturesMadeBeforeTheMoveRecoverToTheirIssuer()
    {
        using var fixture = PreNethereumFixture.Read("signatures.json");
        var address = fixture.RootElement.GetProperty("address").GetString()!;
        var signatures = fixture.RootElement.GetProperty("signatures").EnumerateArray().ToList();
        Assert.Equal(64, signatures.Count);
        foreach (var s in signatures)
        {
            Assert.True(IssuerSignature.TryRecover(Hex.Decode(s.GetProperty("recordHash").GetString()!), s.GetProperty("signature").GetString(), out var signer));
            Assert.Equal(address, signer);
        }
    }

    [Fact]
    public void SigningTheSameRecordHashesAgainGivesTheSameBytes()
    {
        using var fixture = PreNethereumFixture.Read("signatures.json");
        var key = EthereumKey.FromPrivateKey(fixture.RootElement.GetProperty("privateKey").GetString()!);
        Assert.Equal(fixture.RootElement.GetProperty("address").GetString(), key.Address);
        foreach (var s in fixture.RootElement.GetProperty("signatures").EnumerateArray())
        {
            Assert.Equal(s.GetProperty("signature").GetString(), IssuerSignature.Sign(key, Hex.Decode(s.GetProperty("recordHash").GetString()!)));
        }
    }

    [Fact]
    public void BundlesMadeBeforeTheMoveCarryValidSignaturesAndFoldToTheirRoots()
    {
        using var fixture = PreNethereumFixture.Read("bundles.json");
        var bundles = fixture.RootElement.GetProperty("bundles").EnumerateArray()
            .Select(b => b.Deserialize<ProofBundle>(JsonSerializerOptions.Web)!)
            .ToList();
        Assert.Equal(5, bundles.Count);
        foreach (var bundle in bundles)
        {
            Assert.True(IssuerSignature.Verify(Hex.Decode(bundle.RecordHash), bundle.Issuer!.Signature, bundle.Issuer.Address));
        }
        Assert.All(bundles.Where(b => b.Merkle is not null), b => Assert.True(ProofChecker.CheckMerkle(b).IsValid));
        Assert.Equal(4, bundles.Count(b => b.Merkle is not null));
    }
}
