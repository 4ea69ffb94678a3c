using System.Text.Json;
using Ledger.Api.Anchoring;
using Ledger.Core.Encoding;
using Ledger.Core.Merkle;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Api.Tests.Anchoring;

/// <summary>
/// A sealed batch stores its Merkle tree once, in blocks of six levels (batch_tree_blocks, migration 0019), and each
/// record's proof is read from it; a batch sealed before blocks keeps its tree whole (batch_trees, 0018), and records
/// sealed before that keep the path stored with them, which is read first.
/// </summary>
public sealed class BatchTreeTests
{
    [Fact]
    public async Task EveryRecordsProofIsReadFromItsBatchsStoredTreeAndLeadsToTheRoot()
    {
        await using var ledger = await SteppedLedger.StartAsync();
        var records = new[] { await ledger.SubmitAsync("L-TREE-1"), await ledger.SubmitAsync("L-TREE-2"), await ledger.SubmitAsync("L-TREE-3") };

        await using (var scope = ledger.Factory.Services.CreateAsyncScope())
        {
            Assert.NotNull(await scope.ServiceProvider.GetRequiredService<BatchSealer>().SealDueAsync(CancellationToken.None));
        }

        var batch = await ledger.BatchOfAsync(records[0]);
        // Five nodes: one block, named 0, with the root first.
        var block = await ledger.Factory.QueryAsync(db => db.BatchTreeBlocks.SingleAsync());
        Assert.Equal((batch.Id, 0), (block.BatchId, block.Block));
        Assert.Equal((2 * 3 - 1) * 32, block.Nodes.Length);
        Assert.Equal(batch.Root, Hex.Encode(block.Nodes.AsSpan(0, 32)));
        Assert.Equal(0, await ledger.Factory.QueryAsync(db => db.BatchTrees.CountAsync()));
        Assert.Equal(0, await ledger.Factory.QueryAsync(db => db.Records.CountAsync(r => r.MerkleProofJson != null)));
        var first = new List<string>();
        foreach (var record in records)
        {
            first.Add((await CheckedMerkleAsync(ledger, record, batch.Root, 1, 2)).GetRawText());
        }
        // Asked again, each is answered from the tree the first round kept in memory: the same path.
        foreach (var (record, before) in records.Zip(first))
        {
            Assert.Equal(before, (await ledger.ProofAsync(record)).GetProperty("merkle").GetRawText());
        }
    }

    [Fact]
    public async Task AnOlderBatchsTreeIsReadInPlaceAndGivesTheSamePath()
    {
        await using var ledger = await SteppedLedger.StartAsync();
        var old = await ledger.SubmitAsync("L-TREE-OLD");
        await SealAsync(ledger);
        // A thousand batch ids later (SQLite hands the next seal the id after the highest): the first batch is no
        // longer among the newest whose trees proofs keep in memory.
        await ledger.Factory.QueryAsync(db =>
        {
            db.Batches.Add(new Data.Anchoring.AnchorBatch { Id = 1000, Root = "0x" + new string('e', 64), LeafCount = 0, State = Data.Anchoring.BatchState.Confirmed, SealedAtMs = 0 });
            return db.SaveChangesAsync();
        });
        var recent = await ledger.SubmitAsync("L-TREE-NEW");
        await SealAsync(ledger);
        Assert.Equal(1001, (await ledger.BatchOfAsync(recent)).Id);

        await AssertPathsLeadToTheirRootAsync(ledger, [recent, old, old]);
    }

    [Fact]
    public async Task AnOlderBatchOfManyBlocksGivesEveryRecordItsPathFromTheBlocksOnIt()
    {
        // 40 records: 79 nodes over 17 blocks (block 0 with levels 0-5, and the 16 nodes of level 6, a block each);
        // the leaves are on levels 5 and 6.
        await using var ledger = await SteppedLedger.StartAsync();
        var records = await SealManyAsync(ledger, "L-BLOCKS", 40);
        var batch = await ledger.BatchOfAsync(records[0]);
        Assert.Equal(17, await ledger.Factory.QueryAsync(db => db.BatchTreeBlocks.CountAsync(b => b.BatchId == batch.Id)));
        await PushOutOfTheNewestAsync(ledger);

        foreach (var record in records)
        {
            await CheckedMerkleAsync(ledger, record, batch.Root, 5, 6);
        }
    }

    [Fact]
    public async Task ABatchSealedBeforeBlocksIsReadFromItsWholeTree()
    {
        await using var ledger = await SteppedLedger.StartAsync();
        var older = await SealManyAsync(ledger, "L-WHOLE", 40);
        var newer = await SealManyAsync(ledger, "L-WHOLE-NEW", 2);
        // The shape of a database sealed between migrations 0018 and 0019: trees whole, no blocks.
        await ledger.Factory.QueryAsync(async db =>
        {
            foreach (var batch in await db.BatchTreeBlocks.GroupBy(b => b.BatchId).Select(g => g.Key).ToListAsync())
            {
                var blocks = await db.BatchTreeBlocks.Where(b => b.BatchId == batch).ToDictionaryAsync(b => b.Block, b => b.Nodes);
                db.BatchTrees.Add(new Data.Anchoring.BatchTree { BatchId = batch, Nodes = MerkleTreeBlocks.Join(blocks) });
            }
            await db.SaveChangesAsync();
            return await db.BatchTreeBlocks.ExecuteDeleteAsync();
        });

        // The newest batch's tree is read whole and kept; an older batch's is read in place.
        await AssertPathsLeadToTheirRootAsync(ledger, newer);
        await PushOutOfTheNewestAsync(ledger);
        await AssertPathsLeadToTheirRootAsync(ledger, [older[0], older[17], older[39]]);

        var batchId = (await ledger.BatchOfAsync(older[0])).Id;
        var tree = await ledger.Factory.QueryAsync(db => Ledger.Api.Verification.MerklePaths.TreeAsync(db, batchId, CancellationToken.None));
        Assert.Equal((2 * 40 - 1) * 32, tree!.Length);
    }

    [Fact]
    public async Task ARecordSealedBeforeBatchTreesKeepsThePathStoredWithIt()
    {
        await using var ledger = await SteppedLedger.StartAsync();
        var records = new[] { await ledger.SubmitAsync("L-TREE-4"), await ledger.SubmitAsync("L-TREE-5") };
        await using (var scope = ledger.Factory.Services.CreateAsyncScope())
        {
            Assert.NotNull(await scope.ServiceProvider.GetRequiredService<BatchSealer>().SealDueAsync(CancellationToken.None));
        }
        // Its path as the tree gives it, computed here: asking the service would keep the tree in its memory.
        var nodes = MerkleTreeBlocks.Join(await ledger.Factory.QueryAsync(db => db.BatchTreeBlocks.ToDictionaryAsync(b => b.Block, b => b.Nodes)));
        var fromTree = JsonSerializer.Serialize(MerkleTree.ProofFromNodes(nodes, Hex.DecodeFixed(records[0], 32))!.Select(h => Hex.Encode(h)));

        // The shape of a database sealed before migration 0018: the path on the record, no tree for its batch.
        await ledger.Factory.QueryAsync(async db =>
        {
            await db.Records.Where(r => r.RecordHash == records[0]).ExecuteUpdateAsync(s => s.SetProperty(r => r.MerkleProofJson, fromTree));
            return await db.BatchTreeBlocks.ExecuteDeleteAsync();
        });

        Assert.Equal(fromTree, (await ledger.ProofAsync(records[0])).GetProperty("merkle").GetProperty("proof").GetRawText());
        // Its batch-mate has neither: it is shown without a Merkle section rather than with a wrong one.
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await ledger.ProofAsync(records[1])).GetProperty("merkle").ValueKind);
    }

    private static async Task AssertPathsLeadToTheirRootAsync(SteppedLedger ledger, IEnumerable<string> records)
    {
        foreach (var record in records)
        {
            await CheckedMerkleAsync(ledger, record, (await ledger.BatchOfAsync(record)).Root);
        }
    }

    // The proof bundle's Merkle section, checked: its root is the batch's, and its path, of a length in range, leads
    // from the record there.
    private static async Task<JsonElement> CheckedMerkleAsync(SteppedLedger ledger, string record, string root, int shortest = 0, int longest = 32)
    {
        var merkle = (await ledger.ProofAsync(record)).GetProperty("merkle");
        Assert.Equal(root, merkle.GetProperty("root").GetString());
        var path = merkle.GetProperty("proof").EnumerateArray().Select(p => Hex.DecodeFixed(p.GetString()!, 32)).ToList();
        Assert.InRange(path.Count, shortest, longest);
        Assert.True(MerkleTree.Verify(Hex.DecodeFixed(root, 32), Hex.DecodeFixed(record, 32), path));
        return merkle;
    }

    // A thousand batch ids on (SQLite hands the next seal the id after the highest) and a proof asked of that batch:
    // every batch before it is no longer among the newest whose trees proofs keep in memory.
    private static async Task PushOutOfTheNewestAsync(SteppedLedger ledger)
    {
        var highest = await ledger.Factory.QueryAsync(db => db.Batches.MaxAsync(b => b.Id));
        await ledger.Factory.QueryAsync(db =>
        {
            db.Batches.Add(new Data.Anchoring.AnchorBatch
            {
                Id = highest + 1000, Root = "0x" + new string('e', 64), LeafCount = 0, State = Data.Anchoring.BatchState.Confirmed, SealedAtMs = 0,
            });
            return db.SaveChangesAsync();
        });
        var newest = await ledger.SubmitAsync($"L-NEWEST-{highest}");
        await SealAsync(ledger);
        await AssertPathsLeadToTheirRootAsync(ledger, [newest]);
    }

    // Submits count records and seals them into one batch.
    private static async Task<List<string>> SealManyAsync(SteppedLedger ledger, string lotPrefix, int count)
    {
        var records = new List<string>();
        for (var i = 0; i < count; i++)
        {
            records.Add(await ledger.SubmitAsync($"{lotPrefix}-{i}"));
        }
        await SealAsync(ledger);
        return records;
    }

    private static async Task SealAsync(SteppedLedger ledger)
    {
        await using var scope = ledger.Factory.Services.CreateAsyncScope();
        Assert.NotNull(await scope.ServiceProvider.GetRequiredService<BatchSealer>().SealDueAsync(CancellationToken.None));
    }
}
