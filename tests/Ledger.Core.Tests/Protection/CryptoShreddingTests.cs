using Ledger.Core.Encoding;
using Ledger.Core.Hashing;
using Ledger.Core.Merkle;
using Ledger.Core.Protection;
using Ledger.Core.Records;
using Ledger.Core.Tests.Records;
using static Ledger.Core.Tests.Protection.ProtectionFixtures;

namespace Ledger.Core.Tests.Protection;

/// <summary>Erasure at library level: deleting a subject's wrapped key shreds its payloads, and only its payloads.</summary>
public sealed class CryptoShreddingTests
{
    private static readonly byte[] Binding = RecordBinding("0b7e2a55-3c1f-4d4e-9a57-2f1c8e0d6b31");

    [Fact]
    public void OnceTheWrappedKeyIsDeletedNoKeyTheServiceCanMakeOpensThePayload()
    {
        using var master = Master();
        var wrappedKeys = new Dictionary<string, byte[]>();
        byte[] sealedPayload;
        using (var dataKey = DataKey.Generate("subject-erase"))
        {
            wrappedKeys[dataKey.KeyId] = new KeyWrapper().Wrap(dataKey, master);
            sealedPayload = new PayloadCipher().Encrypt(RecordCommitment.CanonicalBytes(ExampleRecords.Inspection()), dataKey, Binding);
        }

        wrappedKeys.Remove("subject-erase");

        // What is left (the master key and the sealed bytes) cannot yield the data key: it was random, not derived.
        // A fresh key under the same id is a different key.
        using var replacement = DataKey.Generate("subject-erase");
        Assert.Throws<PayloadAuthenticationException>(() => PayloadCipher.Decrypt(sealedPayload, replacement, Binding));
    }

    [Fact]
    public void TheRecordHashAndItsMerkleProofStillVerifyAfterErasure()
    {
        var envelope = ExampleRecords.Inspection();
        var recordHash = RecordCommitment.Hash(envelope);
        var tree = MerkleTree.Build([recordHash, .. Enumerable.Range(1, 6).Select(i => Keccak256.Hash([(byte)i]))]);
        var proof = tree.GetProof(recordHash);
        using (var dataKey = DataKey.Generate("subject-erase"))
        {
            new PayloadCipher().Encrypt(RecordCommitment.CanonicalBytes(envelope), dataKey, Binding);
        }

        // The key is gone; the anchored facts never depended on it.
        Assert.Equal(ExampleRecords.PinnedHash, Hex.Encode(recordHash));
        Assert.True(MerkleTree.Verify(tree.Root, recordHash, proof));
    }

    [Fact]
    public void ErasingOneSubjectLeavesOtherSubjectsReadable()
    {
        using var master = Master();
        var cipher = new PayloadCipher();
        var wrapper = new KeyWrapper();
        var wrappedKeys = new Dictionary<string, byte[]>();
        var payloads = new Dictionary<string, byte[]>();
        foreach (var subject in new[] { "subject-a", "subject-b" })
        {
            using var dataKey = DataKey.Generate(subject);
            wrappedKeys[subject] = wrapper.Wrap(dataKey, master);
            payloads[subject] = cipher.Encrypt(Utf8(subject + " checked in"), dataKey, Binding);
        }

        wrappedKeys.Remove("subject-a");

        Assert.Equal(["subject-b"], wrappedKeys.Keys);
        using var kept = KeyWrapper.Unwrap(wrappedKeys["subject-b"], master);
        Assert.Equal(Utf8("subject-b checked in"), PayloadCipher.Decrypt(payloads["subject-b"], kept, Binding));
        Assert.Equal("subject-a", PayloadCipher.Inspect(payloads["subject-a"]).KeyId);
    }

    [Fact]
    public void EveryPayloadUnderTheErasedKeyIsShreddedTogether()
    {
        var cipher = new PayloadCipher();
        byte[][] payloads;
        using (var dataKey = DataKey.Generate("subject-erase"))
        {
            payloads = [.. Enumerable.Range(0, 5).Select(i => cipher.Encrypt(Utf8($"check-in {i}"), dataKey, Binding))];
        }
        using var guess = DataKey.Generate("subject-erase");
        Assert.All(payloads, p => Assert.Throws<PayloadAuthenticationException>(() => PayloadCipher.Decrypt(p, guess, Binding)));
    }

    [Fact]
    public void AnUnwrappedKeyDisposedAfterUseCannotBeUsedAgain()
    {
        using var master = Master();
        using var dataKey = DataKey.Generate("subject-erase");
        var wrapped = new KeyWrapper().Wrap(dataKey, master);
        var sealedPayload = new PayloadCipher().Encrypt(Utf8("x"), dataKey, Binding);
        var unwrapped = KeyWrapper.Unwrap(wrapped, master);
        unwrapped.Dispose();
        Assert.Throws<ObjectDisposedException>(() => PayloadCipher.Decrypt(sealedPayload, unwrapped, Binding));
    }
}
