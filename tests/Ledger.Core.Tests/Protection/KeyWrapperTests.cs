using System.Security.Cryptography;
using Ledger.Core.Encoding;
using Ledger.Core.Protection;
using static Ledger.Core.Tests.Protection.ProtectionFixtures;

namespace Ledger.Core.Tests.Protection;

public sealed class KeyWrapperTests
{
    // Layout v1 for key id "subject-7f3a" (L = 12): header 23 bytes, nonce 12, encrypted key 32, tag 16.
    private const int KeyIdLength = 12;
    private const int HeaderLength = 11 + KeyIdLength;

    private static byte[] WrapSubjectKey(ISecureRandom? random = null)
    {
        using var master = Master();
        using var dataKey = SubjectKey();
        return new KeyWrapper(random ?? new SeededRandom("nonces")).Wrap(dataKey, master);
    }

    [Fact]
    public void AWrappedKeyUnwrapsToTheSameKeyAndId()
    {
        using var master = Master();
        using var dataKey = SubjectKey();
        using var unwrapped = KeyWrapper.Unwrap(new KeyWrapper().Wrap(dataKey, master), master);
        Assert.Equal("subject-7f3a", unwrapped.KeyId);
        Assert.Equal(dataKey.Material.ToArray(), unwrapped.Material.ToArray());
    }

    [Fact]
    public void AWrappedKeyNamesItsMasterKeyAndDataKeyWithoutAnyKey()
    {
        using var master = Master();
        var info = KeyWrapper.Inspect(WrapSubjectKey());
        Assert.Equal(new WrappedKeyInfo(1, master.Id, "subject-7f3a"), info);
    }

    [Fact]
    public void TheWrappedKeyIs71BytesPlusTheKeyId() => Assert.Equal(71 + KeyIdLength, WrapSubjectKey().Length);

    [Fact]
    public void WrappingTheSameKeyTwiceUsesFreshNonces()
    {
        using var master = Master();
        using var dataKey = SubjectKey();
        var wrapper = new KeyWrapper();
        Assert.NotEqual(wrapper.Wrap(dataKey, master), wrapper.Wrap(dataKey, master));
    }

    [Fact]
    public void TheWrappedKeyDoesNotContainTheDataKey()
    {
        using var dataKey = SubjectKey();
        Assert.DoesNotContain(Convert.ToHexStringLower(dataKey.Material[..8]), Convert.ToHexStringLower(WrapSubjectKey()), StringComparison.Ordinal);
    }

    [Fact]
    public void UnwrappingWithAnotherMasterKeyFailsNamingBothIdsButNoKey()
    {
        using var master = Master();
        using var other = OtherMaster();
        var error = Assert.Throws<KeyUnavailableException>(() => KeyWrapper.Unwrap(WrapSubjectKey(), other));
        Assert.Contains(master.Id, error.Message, StringComparison.Ordinal);
        Assert.Contains(other.Id, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(OtherMasterHex[2..18], error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(MasterHex[2..18], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AWrongMasterKeyCarryingTheRightIdStillFailsAuthentication()
    {
        // Simulates an id collision or a forged header: the id matches, the key does not.
        using var other = OtherMaster();
        var wrapped = WrapSubjectKey();
        Convert.FromHexString(other.Id).CopyTo(wrapped, 2);
        var error = Assert.Throws<KeyUnavailableException>(() => KeyWrapper.Unwrap(wrapped, other));
        Assert.Contains("corrupt", error.Message, StringComparison.Ordinal);
        Assert.IsType<AuthenticationTagMismatchException>(error.InnerException);
    }

    [Fact]
    public void AFlippedBitInTheNonceEncryptedKeyOrTagMakesTheKeyUnavailable()
    {
        using var master = Master();
        var wrapped = WrapSubjectKey();
        for (var i = HeaderLength; i < wrapped.Length; i++)
        {
            var index = i;
            Assert.Throws<KeyUnavailableException>(() => KeyWrapper.Unwrap(Flip(wrapped, index), master));
        }
    }

    [Fact]
    public void AFlippedBitAnywhereInTheHeaderIsRefused()
    {
        using var master = Master();
        var wrapped = WrapSubjectKey();
        for (var i = 0; i < HeaderLength; i++)
        {
            var index = i;
            Assert.ThrowsAny<CryptographicException>(() => KeyWrapper.Unwrap(Flip(wrapped, index), master));
        }
    }

    [Fact]
    public void AWrappedKeyRelabelledWithAnotherKeyIdFailsAuthentication()
    {
        using var master = Master();
        var wrapped = WrapSubjectKey();
        "subject-0000"u8.CopyTo(wrapped.AsSpan(11));
        Assert.Equal("subject-0000", KeyWrapper.Inspect(wrapped).KeyId);
        Assert.Throws<KeyUnavailableException>(() => KeyWrapper.Unwrap(wrapped, master));
    }

    [Fact]
    public void AnUnknownVersionIsRejectedNamingTheVersion()
    {
        using var master = Master();
        var wrapped = WrapSubjectKey();
        wrapped[1] = 2;
        var error = Assert.Throws<ProtectionFormatException>(() => KeyWrapper.Unwrap(wrapped, master));
        Assert.Equal("The wrapped data key has format version 2; this build reads only version 1.", error.Message);
    }

    [Fact]
    public void ASealedPayloadPassedAsAWrappedKeyIsRejectedClearly()
    {
        using var master = Master();
        using var dataKey = SubjectKey();
        var sealedPayload = new PayloadCipher().Encrypt(new byte[40], dataKey, []);
        var error = Assert.Throws<ProtectionFormatException>(() => KeyWrapper.Unwrap(sealedPayload, master));
        Assert.Equal("Expected a wrapped data key but found a sealed payload.", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(HeaderLength)]
    [InlineData(71 + KeyIdLength - 1)]
    public void ATruncatedWrappedKeyIsRejectedAsMalformed(int length)
    {
        using var master = Master();
        Assert.Throws<ProtectionFormatException>(() => KeyWrapper.Unwrap(WrapSubjectKey()[..length], master));
    }

    [Fact]
    public void AWrappedKeyWithTrailingBytesIsRejectedAsMalformed()
    {
        using var master = Master();
        Assert.Throws<ProtectionFormatException>(() => KeyWrapper.Unwrap([.. WrapSubjectKey(), 0], master));
    }

    [Fact]
    public void TheBytesFollowTheDocumentedLayout()
    {
        using var master = Master();
        using var dataKey = SubjectKey();
        var wrapped = WrapSubjectKey();
        Assert.Equal(0x4B, wrapped[0]);
        Assert.Equal(1, wrapped[1]);
        Assert.Equal(master.Id, Convert.ToHexStringLower(wrapped.AsSpan(2, 8)));
        Assert.Equal(KeyIdLength, wrapped[10]);
        Assert.Equal("subject-7f3a"u8.ToArray(), wrapped[11..HeaderLength]);
        var nonce = wrapped[HeaderLength..(HeaderLength + 12)];
        var plain = IndependentAesGcm.Decrypt(Hex.Decode(MasterHex), nonce, wrapped[(HeaderLength + 12)..], wrapped[..HeaderLength]);
        Assert.Equal(dataKey.Material.ToArray(), plain);
    }

    [Fact]
    public void FixedKeysAndNoncesGiveThePinnedBytes()
    {
        // Computed independently with Python's cryptography package (AESGCM) from the documented layout. If this pin
        // changes, the stored format changed: add a version instead.
        Assert.Equal(
            "0x4b010e2498c068a577f20c7375626a6563742d37663361750422a08d771b0e323e791baf4c140e75d5a8e64bfc005a075aca55f0"
            + "e61b7627d401256e6dbcad3d380456e94bad4579b89fbaa6dea71ec1d3c286",
            Hex.Encode(WrapSubjectKey()));
    }
}
