using Ledger.Core.Protection;
using static Ledger.Core.Tests.Protection.ProtectionFixtures;

namespace Ledger.Core.Tests.Protection;

public sealed class MasterKeyRotationTests
{
    private static readonly byte[] Binding = RecordBinding("0b7e2a55-3c1f-4d4e-9a57-2f1c8e0d6b31");

    [Fact]
    public void ARewrappedKeyOpensUnderTheNewMasterAndOldPayloadsStillDecrypt()
    {
        using var oldMaster = Master();
        using var newMaster = OtherMaster();
        byte[] wrapped, sealedPayload;
        using (var dataKey = SubjectKey())
        {
            wrapped = new KeyWrapper().Wrap(dataKey, oldMaster);
            sealedPayload = new PayloadCipher().Encrypt(Utf8("check-in"), dataKey, Binding);
        }

        var rewrapped = MasterKeyRotation.Rewrap(wrapped, oldMaster, newMaster);

        Assert.Equal(newMaster.Id, KeyWrapper.Inspect(rewrapped).MasterKeyId);
        using var reopened = KeyWrapper.Unwrap(rewrapped, newMaster);
        Assert.Equal(Utf8("check-in"), PayloadCipher.Decrypt(sealedPayload, reopened, Binding));
    }

    [Fact]
    public void ARewrappedKeyNoLongerOpensUnderTheOldMaster()
    {
        using var oldMaster = Master();
        using var newMaster = OtherMaster();
        using var dataKey = SubjectKey();
        var rewrapped = MasterKeyRotation.Rewrap(new KeyWrapper().Wrap(dataKey, oldMaster), oldMaster, newMaster);
        Assert.Throws<KeyUnavailableException>(() => KeyWrapper.Unwrap(rewrapped, oldMaster));
    }

    [Fact]
    public void RewrappingKeepsTheKeyIdAndTheKey()
    {
        using var oldMaster = Master();
        using var newMaster = OtherMaster();
        using var dataKey = SubjectKey("subject-rotate");
        var rewrapped = MasterKeyRotation.Rewrap(new KeyWrapper().Wrap(dataKey, oldMaster), oldMaster, newMaster);
        using var reopened = KeyWrapper.Unwrap(rewrapped, newMaster);
        Assert.Equal("subject-rotate", reopened.KeyId);
        Assert.Equal(dataKey.Material.ToArray(), reopened.Material.ToArray());
    }

    [Fact]
    public void RewrappingWithTheWrongOldMasterFails()
    {
        using var master = Master();
        using var stranger = MasterKey.Generate();
        using var dataKey = SubjectKey();
        var wrapped = new KeyWrapper().Wrap(dataKey, master);
        Assert.Throws<KeyUnavailableException>(() => MasterKeyRotation.Rewrap(wrapped, stranger, master));
    }

    [Fact]
    public void OnlyKeysUnderAnotherMasterNeedRewrapping()
    {
        using var oldMaster = Master();
        using var newMaster = OtherMaster();
        using var dataKey = SubjectKey();
        var wrapped = new KeyWrapper().Wrap(dataKey, oldMaster);
        Assert.True(MasterKeyRotation.NeedsRewrap(wrapped, newMaster));
        Assert.False(MasterKeyRotation.NeedsRewrap(MasterKeyRotation.Rewrap(wrapped, oldMaster, newMaster), newMaster));
    }

    [Fact]
    public void RewrappingDrawsAFreshNonceFromTheInjectedRandomness()
    {
        using var master = Master();
        using var newMaster = OtherMaster();
        using var dataKey = SubjectKey();
        var wrapped = new KeyWrapper().Wrap(dataKey, master);
        Assert.Equal(
            MasterKeyRotation.Rewrap(wrapped, master, newMaster, new SeededRandom("rotation")),
            MasterKeyRotation.Rewrap(wrapped, master, newMaster, new SeededRandom("rotation")));
    }
}
