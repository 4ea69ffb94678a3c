namespace Ledger.Core.Tests.Merkle;

/// <summary>Deterministic pseudo-random 32-byte record hashes for Merkle tests.</summary>
internal static class RandomHashes
{
    public static List<byte[]> Make(int count, Random random)
    {
        var hashes = new List<byte[]>(count);
        for (var i = 0; i < count; i++)
        {
            var hash = new byte[32];
            random.NextBytes(hash);
            hashes.Add(hash);
        }
        return hashes;
    }
}
