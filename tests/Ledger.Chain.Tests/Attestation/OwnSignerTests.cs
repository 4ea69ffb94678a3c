using Ledger.Chain.Attestation;
using Ledger.Chain.Embedded;
using Ledger.Core.Hashing;

namespace Ledger.Chain.Tests.Attestation;

/// <summary>
/// <see cref="IssuerSignature.Sign"/> skips the recovery self-check for <see cref="EthereumKey"/> (libsecp256k1's
/// recoverable signing returns the recovery id it used); this is the check it skips, made here instead, over many hashes.
/// </summary>
public sealed class OwnSignerTests
{
    [Fact]
    public void OurKeysSignaturesRecoverToTheirOwnAddressesForManyHashes()
    {
        for (var k = 0; k < 4; k++)
        {
            var key = EthereumKey.FromPrivateKey(AnvilProcess.DevPrivateKeys[k]);
            for (var i = 0; i < 250; i++)
            {
                var recordHash = Keccak256.Hash(BitConverter.GetBytes(i * 4 + k));
                var signature = IssuerSignature.Sign(key, recordHash);
                Assert.True(IssuerSignature.Verify(recordHash, signature, key.Address), $"key {k}, hash {i}");
            }
        }
    }

    [Fact]
    public void AFreshKeysSignaturesRecoverToItsAddress()
    {
        var key = EthereumKey.Generate();
        var recordHash = Keccak256.Hash("fresh"u8);
        Assert.Equal(key.Address, IssuerSignature.Recover(recordHash, IssuerSignature.Sign(key, recordHash)));
    }
}
