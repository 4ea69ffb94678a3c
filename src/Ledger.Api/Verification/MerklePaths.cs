using System.Text.Json;
using Ledger.Core.Encoding;
using Ledger.Core.Merkle;
using Ledger.Data;
using Ledger.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Verification;

/// <summary>
/// A sealed record's Merkle path: the one stored with the record (records sealed before batch trees, migration 0018),
/// else read from its batch's stored tree (<see cref="Ledger.Data.Anchoring.BatchTreeBlock"/>, or
/// <see cref="Ledger.Data.Anchoring.BatchTree"/> for batches sealed before blocks).
/// </summary>
internal static class MerklePaths
{
    private static readonly Func<LedgerDbContext, long, CancellationToken, Task<byte[]?>> WholeTreeOf = CompiledQuery.Of(
        (LedgerDbContext db, long batchId, CancellationToken _) =>
            db.BatchTrees.Where(t => t.BatchId == batchId).Select(t => t.Nodes).SingleOrDefault());

    /// <summary>
    /// Batch <paramref name="batchId"/>'s whole stored tree: its blocks put together (migration 0019), else the tree
    /// stored whole (0018); null when it has neither.
    /// </summary>
    public static async Task<byte[]?> TreeAsync(LedgerDbContext db, long batchId, CancellationToken ct)
    {
        // Not a compiled query: evidence packages and a sealer's recovery read trees, not the busy public proofs.
        var blocks = await db.BatchTreeBlocks.AsNoTracking().Where(b => b.BatchId == batchId)
            .ToDictionaryAsync(b => b.Block, b => b.Nodes, ct);
        return blocks.Count > 0 ? MerkleTreeBlocks.Join(blocks) : await WholeTreeOf(db, batchId, ct);
    }

    /// <param name="recordHash">The record's hash, 0x hex.</param>
    /// <param name="storedProofJson">The path stored with the record (a JSON array of hashes), if it has one.</param>
    /// <param name="treeNodes">Its batch's stored tree; empty when there is none.</param>
    /// <returns>The path, or null when neither holds one (not sealed).</returns>
    /// <exception cref="InvalidOperationException">The batch's tree does not hold the record: the store is damaged.</exception>
    public static IReadOnlyList<string>? Of(string recordHash, string? storedProofJson, ReadOnlySpan<byte> treeNodes)
    {
        if (storedProofJson is not null)
        {
            return JsonSerializer.Deserialize<List<string>>(storedProofJson)!;
        }
        if (treeNodes.IsEmpty)
        {
            return null;
        }
        var path = MerkleTree.ProofFromNodes(treeNodes, Hex.DecodeFixed(recordHash, 32))
            ?? throw new InvalidOperationException("A record's batch tree does not hold the record: the store is damaged.");
        var hex = new string[path.Count];
        for (var i = 0; i < hex.Length; i++)
        {
            hex[i] = Hex.Encode(path[i]);
        }
        return hex;
    }

    /// <summary>
    /// The paths of many records (an evidence package's), each batch's tree read once and let go before the next: a
    /// tree is 128 KiB at the default batch, and records of one case often share batches.
    /// </summary>
    /// <returns>Each record's path by its id; null for a record not yet sealed.</returns>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<string>?>> OfManyAsync(
        LedgerDbContext db, IEnumerable<StoredRecord> records, CancellationToken ct)
    {
        var paths = new Dictionary<string, IReadOnlyList<string>?>(StringComparer.Ordinal);
        foreach (var batch in records.GroupBy(r => r.MerkleProofJson is null ? r.BatchId : null))
        {
            var nodes = batch.Key is { } batchId ? await TreeAsync(db, batchId, ct) ?? [] : [];
            foreach (var record in batch)
            {
                paths[record.Id] = Of(record.RecordHash, record.MerkleProofJson, nodes);
            }
        }
        return paths;
    }

    /// <summary>The path of a record read through EF Core, reading its batch's tree when the record has no stored path.</summary>
    public static async Task<IReadOnlyList<string>?> OfAsync(LedgerDbContext db, StoredRecord record, CancellationToken ct)
    {
        if (record.MerkleProofJson is not null || record.BatchId is not { } batchId)
        {
            return Of(record.RecordHash, record.MerkleProofJson, []);
        }
        return Of(record.RecordHash, null, await TreeAsync(db, batchId, ct));
    }
}
