using System.Numerics;
using Ledger.Chain.Attestation;
using Ledger.Chain.Embedded;
using Ledger.Core.Hashing;

namespace Ledger.Chain.Tests.Attestation;

/// <summary>A broken <see cref="ITransactionSigner"/> (an HSM adapter, say) must not get a bad signature on record.</summary>
public sealed class FaultySignerTests
{
    private static readonly byte[] RecordHash = Keccak256.Hash("record"u8);

    [Fact]
    public void ASignerThatReturnsHighSIsRefused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => IssuerSignature.Sign(new HighSSigner(), RecordHash));
        Assert.Contains("low-s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASignerThatSignsWithAnotherKeyIsRefused() =>
        Assert.Throws<InvalidOperationException>(() => IssuerSignature.Sign(new ImpostorSigner(), RecordHash));

    [Fact]
    public void ASignerThatReturnsShortComponentsIsRefused() =>
        Assert.Throws<InvalidOperationException>(() => IssuerSignature.Sign(new ShortSigner(), RecordHash));

    private static EthereumKey Key(int i) => EthereumKey.FromPrivateKey(AnvilProcess.DevPrivateKeys[i]);

    private sealed class HighSSigner : ITransactionSigner
    {
        private static readonly BigInteger N = BigInteger.Parse(
            "0fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", System.Globalization.NumberStyles.HexNumber);

        private readonly EthereumKey _key = Key(7);

        public string Address => _key.Address;

        public EcdsaSignature SignHash(byte[] hash32)
        {
            var low = _key.SignHash(hash32);
            var high = (N - new BigInteger(low.S, isUnsigned: true, isBigEndian: true)).ToByteArray(isUnsigned: true, isBigEndian: true);
            var s = new byte[32];
            high.CopyTo(s, 32 - high.Length);
            return new EcdsaSignature(low.R, s, (byte)(1 - low.YParity));
        }
    }

    private sealed class ImpostorSigner : ITransactionSigner
    {
        public string Address => Key(7).Address;

        public EcdsaSignature SignHash(byte[] hash32) => Key(8).SignHash(hash32);
    }

    private sealed class ShortSigner : ITransactionSigner
    {
        public string Address => Key(7).Address;

        public EcdsaSignature SignHash(byte[] hash32)
        {
            var signature = Key(7).SignHash(hash32);
            return signature with { R = signature.R[1..] };
        }
    }
}
