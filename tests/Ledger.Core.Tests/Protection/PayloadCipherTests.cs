using System.Security.Cryptography;
using Ledger.Core.Encoding;
using Ledger.Core.Protection;
using static Ledger.Core.Tests.Protection.ProtectionFixtures;

namespace Ledger.Core.Tests.Protection;

public sealed class PayloadCipherTests
{
    private const string RecordId = "0b7e2a55-3c1f-4d4e-9a57-2f1c8e0d6b31";
    private const string CheckIn = """{"subjectRef":"SQJZ-2024-0187","method":"app-face"}""";

    // Layout v1 for key id "subject-7f3a" (L = 12): header 15 bytes, nonce 12, ciphertext n, tag 16.
    private const int HeaderLength = 3 + 12;

    private static byte[] SealCheckIn(DataKey key, ISecureRandom? random = null) =>
        new PayloadCipher(random ?? new SeededRandom("payload-nonces")).Encrypt(Utf8(CheckIn), key, RecordBinding(RecordId));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(4096)]
    [InlineData(1 << 20)]
    public void PayloadsOfAnyLengthRoundTrip(int length)
    {
        using var key = SubjectKey();
        var plaintext = new byte[length];
        new SeededRandom("plaintext").Fill(plaintext);
        var sealedPayload = new PayloadCipher().Encrypt(plaintext, key, RecordBinding(RecordId));
        Assert.Equal(31 + 12 + length, sealedPayload.Length);
        Assert.Equal(plaintext, PayloadCipher.Decrypt(sealedPayload, key, RecordBinding(RecordId)));
    }

    [Fact]
    public void ASealedPayloadNamesItsDataKeyAndLengthWithoutAnyKey()
    {
        using var key = SubjectKey();
        Assert.Equal(new SealedPayloadInfo(1, "subject-7f3a", Utf8(CheckIn).Length), PayloadCipher.Inspect(SealCheckIn(key)));
    }

    [Fact]
    public void TheSealedBytesDoNotContainThePlaintext()
    {
        using var key = SubjectKey();
        var text = System.Text.Encoding.Latin1.GetString(SealCheckIn(key));
        Assert.DoesNotContain("SQJZ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("app-face", text, StringComparison.Ordinal);
    }

    [Fact]
    public void SealingTheSamePayloadTwiceGivesDifferentBytes()
    {
        using var key = SubjectKey();
        var cipher = new PayloadCipher();
        Assert.NotEqual(cipher.Encrypt(Utf8(CheckIn), key, []), cipher.Encrypt(Utf8(CheckIn), key, []));
    }

    [Fact]
    public void AFlippedBitInTheNonceCiphertextOrTagFailsAuthentication()
    {
        using var key = SubjectKey();
        var sealedPayload = SealCheckIn(key);
        for (var i = HeaderLength; i < sealedPayload.Length; i++)
        {
            var index = i;
            Assert.Throws<PayloadAuthenticationException>(() => PayloadCipher.Decrypt(Flip(sealedPayload, index), key, RecordBinding(RecordId)));
        }
    }

    [Fact]
    public void AFlippedBitAnywhereInTheHeaderIsRefused()
    {
        using var key = SubjectKey();
        var sealedPayload = SealCheckIn(key);
        for (var i = 0; i < HeaderLength; i++)
        {
            var index = i;
            Assert.ThrowsAny<CryptographicException>(() => PayloadCipher.Decrypt(Flip(sealedPayload, index), key, RecordBinding(RecordId)));
        }
    }

    [Fact]
    public void APayloadMovedToAnotherRecordFailsAuthentication()
    {
        using var key = SubjectKey();
        var error = Assert.Throws<PayloadAuthenticationException>(
            () => PayloadCipher.Decrypt(SealCheckIn(key), key, RecordBinding("5d1c9a8e-0000-4000-8000-000000000001")));
        Assert.Contains("another record", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyAssociatedDataIsNotTheSameAsSomeAssociatedData()
    {
        using var key = SubjectKey();
        var unbound = new PayloadCipher().Encrypt(Utf8(CheckIn), key, []);
        Assert.Equal(Utf8(CheckIn), PayloadCipher.Decrypt(unbound, key, []));
        Assert.Throws<PayloadAuthenticationException>(() => PayloadCipher.Decrypt(unbound, key, [0]));
        Assert.Throws<PayloadAuthenticationException>(() => PayloadCipher.Decrypt(SealCheckIn(key), key, []));
    }

    [Fact]
    public void AnotherDataKeyWithTheSameIdFailsAuthentication()
    {
        using var key = SubjectKey(seed: "first");
        using var impostor = SubjectKey(seed: "second");
        Assert.Throws<PayloadAuthenticationException>(() => PayloadCipher.Decrypt(SealCheckIn(key), impostor, RecordBinding(RecordId)));
    }

    [Fact]
    public void ADataKeyWithAnotherIdIsRefusedNamingBothIds()
    {
        using var key = SubjectKey("subject-a");
        using var other = SubjectKey("subject-b");
        var error = Assert.Throws<KeyUnavailableException>(() => PayloadCipher.Decrypt(SealCheckIn(key), other, RecordBinding(RecordId)));
        Assert.Equal("The payload is sealed under data key 'subject-a', not 'subject-b'.", error.Message);
    }

    [Fact]
    public void AnUnknownVersionIsRejectedNamingTheVersion()
    {
        using var key = SubjectKey();
        var sealedPayload = SealCheckIn(key);
        sealedPayload[1] = 0xff;
        var error = Assert.Throws<ProtectionFormatException>(() => PayloadCipher.Decrypt(sealedPayload, key, RecordBinding(RecordId)));
        Assert.Equal("The sealed payload has format version 255; this build reads only version 1.", error.Message);
    }

    [Fact]
    public void AWrappedKeyPassedAsAPayloadIsRejectedClearly()
    {
        using var master = Master();
        using var key = SubjectKey();
        var wrapped = new KeyWrapper().Wrap(key, master);
        var error = Assert.Throws<ProtectionFormatException>(() => PayloadCipher.Decrypt(wrapped, key, []));
        Assert.Equal("Expected a sealed payload but found a wrapped data key.", error.Message);
    }

    [Fact]
    public void PlaintextStoredByMistakeIsRejectedAsUnrecognised()
    {
        using var key = SubjectKey();
        var error = Assert.Throws<ProtectionFormatException>(() => PayloadCipher.Decrypt(Utf8(CheckIn), key, []));
        Assert.Equal("Expected a sealed payload but found unrecognised data (first byte 0x7b).", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(HeaderLength)]
    [InlineData(HeaderLength + 27)]
    public void ATruncatedPayloadIsRejectedAsMalformed(int length)
    {
        using var key = SubjectKey();
        var sealedPayload = new PayloadCipher().Encrypt([], key, []);
        Assert.Equal(HeaderLength + 28, sealedPayload.Length);
        Assert.Throws<ProtectionFormatException>(() => PayloadCipher.Decrypt(sealedPayload[..length], key, []));
    }

    [Fact]
    public void TheBytesFollowTheDocumentedLayout()
    {
        using var key = SubjectKey();
        var sealedPayload = SealCheckIn(key);
        Assert.Equal(0x50, sealedPayload[0]);
        Assert.Equal(1, sealedPayload[1]);
        Assert.Equal(12, sealedPayload[2]);
        Assert.Equal("subject-7f3a"u8.ToArray(), sealedPayload[3..HeaderLength]);
        var nonce = sealedPayload[HeaderLength..(HeaderLength + 12)];
        var associatedData = (byte[])[.. sealedPayload[..HeaderLength], .. RecordBinding(RecordId)];
        var plain = IndependentAesGcm.Decrypt(key.Material.ToArray(), nonce, sealedPayload[(HeaderLength + 12)..], associatedData);
        Assert.Equal(CheckIn, System.Text.Encoding.UTF8.GetString(plain));
    }

    [Fact]
    public void FixedKeysAndNoncesGiveThePinnedBytes()
    {
        // Computed independently with Python's cryptography package (AESGCM) from the documented layout. If this pin
        // changes, the stored format changed: add a version instead.
        using var key = SubjectKey();
        Assert.Equal(
            "0x50010c7375626a6563742d37663361db356129eb094d4f25c38f15ff608c873ca0a88905e7016290293268605b31d6edb781a1f0"
            + "da5df99b431d584cb281f0fcc5b79d14aee33d01990f78a2ea1787fb3dfd7809fe659286291cb82f9467",
            Hex.Encode(SealCheckIn(key)));
    }
}
