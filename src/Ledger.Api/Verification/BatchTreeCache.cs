using Microsoft.Extensions.Caching.Memory;

namespace Ledger.Api.Verification;

/// <summary>
/// Batch trees that proofs read recently, by root, up to a fixed number of bytes. A proof needs its batch's whole
/// stored tree (128 KiB at the default batch of 2,048); read from the database that is 32 overflow pages, and at
/// 1,000,000 records proofs ran at half the rate they had when each record kept its own path (docs/benchmarks.md,
/// "Seventh round"). People ask for the proofs of recent records, which share a few recent batches, so only the
/// newest batches' trees are kept (<c>VerifyLookup</c> decides); older ones are read in place. Trees never change once
/// sealed, so nothing is ever stale: an entry only leaves to make room.
/// </summary>
internal sealed class BatchTreeCache(long bytes) : IDisposable
{
    /// <summary>How many full trees (of a 2,048-record batch, 131,040 bytes) <see cref="DefaultBytes"/> holds.</summary>
    public const int FullTrees = 256;

    /// <summary>32 MiB: 256 full batches, the trees of the last 524,288 records.</summary>
    public const long DefaultBytes = FullTrees * 128L * 1024;

    private readonly MemoryCache _trees = new(new MemoryCacheOptions { SizeLimit = bytes, CompactionPercentage = 0.25 });

    /// <summary>The tree of the batch with this root, if held.</summary>
    public byte[]? Find(string root) => _trees.TryGetValue(root, out byte[]? nodes) ? nodes : null;

    /// <summary>Holds a tree just read; when full, the least recently used quarter makes room first.</summary>
    public void Keep(string root, byte[] nodes) => _trees.Set(root, nodes, new MemoryCacheEntryOptions { Size = nodes.Length });

    public void Dispose() => _trees.Dispose();
}
