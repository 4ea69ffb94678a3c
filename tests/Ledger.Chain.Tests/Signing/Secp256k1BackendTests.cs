using System.Security.Cryptography;
using NBitcoin.Secp256k1;

namespace Ledger.Chain.Tests.Signing;

/// <summary>
/// The C library and its C# port must be interchangeable: the same signature bytes and recovery id for every key and
/// hash, the same recovered key, the same refusals. Signatures are on record, so a backend that signed differently would
/// change what a record's signature is depending on the machine.
/// </summary>
public sealed class Secp256k1BackendTests
{
    [Fact]
    public void TheCLibraryIsInUseOnThisPlatform()
    {
        // Secp256k1.Net ships linux-x64; if it stopped loading here, ingest would silently get eight times slower.
        Assert.True(Secp256k1Backend.NativeInUse);
    }

    [Fact]
    public void BothSignTheSameBytesAndRecoverTheSameKeys()
    {
        Span<byte> native = stackalloc byte[64];
        Span<byte> managed = stackalloc byte[64];
        Span<byte> nativeKey = stackalloc byte[65];
        Span<byte> managedKey = stackalloc byte[65];
        Span<byte> expected = stackalloc byte[65];
        for (var i = 0; i < 500; i++)
        {
            var secret = RandomNumberGenerator.GetBytes(32);
            var hash = RandomNumberGenerator.GetBytes(32);
            Assert.True(Context.Instance.TryCreateECPrivKey(secret, out var key));
            Assert.True(Secp256k1Backend.TrySignNative(hash, secret, native, out var nativeId));
            Assert.True(Secp256k1Backend.TrySignManaged(hash, key!, managed, out var managedId));
            Assert.Equal(Convert.ToHexString(managed), Convert.ToHexString(native));
            Assert.Equal(managedId, nativeId);

            Assert.True(Secp256k1Backend.TryRecoverNative(hash, native, nativeId, nativeKey));
            Assert.True(Secp256k1Backend.TryRecoverManaged(hash, native, nativeId, managedKey));
            Assert.Equal(Convert.ToHexString(managedKey), Convert.ToHexString(nativeKey));
            key!.CreatePubKey().WriteToSpan(false, expected, out _);
            Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(nativeKey));
        }
    }

    [Theory]
    [InlineData("zero r", "00", "11")]
    [InlineData("zero s", "11", "00")]
    [InlineData("r at the group order", "order", "11")]
    [InlineData("s above the group order", "11", "ff")]
    public void BothRefuseTheSameMalformedSignatures(string what, string r, string s)
    {
        var compact = new byte[64];
        Fill(compact.AsSpan(0, 32), r);
        Fill(compact.AsSpan(32), s);
        var hash = System.Security.Cryptography.SHA256.HashData("malformed"u8);
        var output = new byte[65];
        for (var id = 0; id < 2; id++)
        {
            Assert.False(Secp256k1Backend.TryRecoverNative(hash, compact, id, output), $"native accepted {what}");
            Assert.False(Secp256k1Backend.TryRecoverManaged(hash, compact, id, output), $"managed accepted {what}");
        }
    }

    private static void Fill(Span<byte> target, string spec)
    {
        if (spec == "order")
        {
            Convert.FromHexString("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141").CopyTo(target);
            return;
        }
        target.Fill(Convert.ToByte(spec, 16));
    }
}
