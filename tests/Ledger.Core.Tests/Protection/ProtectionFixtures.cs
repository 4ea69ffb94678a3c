using Ledger.Core.Protection;

namespace Ledger.Core.Tests.Protection;

/// <summary>Fixed keys and helpers shared by the protection tests; every test builds its own instances.</summary>
internal static class ProtectionFixtures
{
    // Test-only keys: a pattern anyone can see is not a secret.
    public const string MasterHex = "0x000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    public const string OtherMasterHex = "0xf0e0d0c0b0a090807060504030201000f1e1d1c1b1a191817161514131211101";

    public static MasterKey Master() => MasterKey.Parse(MasterHex);

    public static MasterKey OtherMaster() => MasterKey.Parse(OtherMasterHex);

    public static DataKey SubjectKey(string keyId = "subject-7f3a", string seed = "data-key") =>
        DataKey.Generate(keyId, new SeededRandom(seed));

    public static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    /// <summary>The associated data a caller would pass: the id of the record the payload belongs to.</summary>
    public static byte[] RecordBinding(string recordId) => Utf8("record:" + recordId);

    public static byte[] Flip(byte[] data, int index, byte mask = 0x01)
    {
        var copy = (byte[])data.Clone();
        copy[index] ^= mask;
        return copy;
    }
}
