using System.Text.Json;
using Ledger.Api.Anchoring;
using Ledger.Core.Encoding;
using Ledger.Core.Merkle;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Api.Tests.Anchoring;

/// <summary>
/// A sealed batch stores its Merkle tree once (batch_trees, migration 0018) and each record's proof is read from it;
/// records sealed before that keep the path stored with them, which is read first.
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
        var tree = await ledger.Factory.QueryAsync(db => db.BatchTrees.SingleAsync());
        Assert.Equal(batch.Id, tree.BatchId);
        Assert.Equal((2 * 3 - 1) * 32, tree.Nodes.Length);
        Assert.Equal(batch.Root, Hex.Encode(tree.Nodes.AsSpan(0, 32)));
        Assert.Equal(0, await ledger.Factory.QueryAsync(db => db.Records.CountAsync(r => r.MerkleProofJson != null)));
        var first = new List<string>();
        foreach (var record in records)
        {
            var merkle = (await ledger.ProofAsync(record)).GetProperty("merkle");
            Assert.Equal(batch.Root, merkle.GetProperty("root").GetString());
            var path = merkle.GetProperty("proof").EnumerateArray().Select(p => Hex.DecodeFixed(p.GetString()!, 32)).ToList();
            Assert.InRange(path.Count, 1, 2);
            Assert.True(MerkleTree.Verify(Hex.DecodeFixed(batch.Root, 32), Hex.DecodeFixed(record, 32), path));
            first.Add(merkle.GetRawText());
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

        foreach (var record in new[] { recent, old, old })
        {
            var root = (await ledger.BatchOfAsync(record)).Root;
            var merkle = (await ledger.ProofAsync(record)).GetProperty("merkle");
            Assert.Equal(root, merkle.GetProperty("root").GetString());
            var path = merkle.GetProperty("proof").EnumerateArray().Select(p => Hex.DecodeFixed(p.GetString()!, 32)).ToList();
            Assert.True(MerkleTree.Verify(Hex.DecodeFixed(root, 32), Hex.DecodeFixed(record, 32), path));
        }
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
        var nodes = await ledger.Factory.QueryAsync(db => db.BatchTrees.Select(t => t.Nodes).SingleAsync());
        var fromTree = JsonSerializer.Serialize(MerkleTree.ProofFromNodes(nodes, Hex.DecodeFixed(records[0], 32))!.Select(h => Hex.Encode(h)));

        // The shape of a database sealed before migration 0018: the path on the record, no tree for its batch.
        await ledger.Factory.QueryAsync(async db =>
        {
            await db.Records.Where(r => r.RecordHash == records[0]).ExecuteUpdateAsync(s => s.SetProperty(r => r.MerkleProofJson, fromTree));
            return await db.BatchTrees.ExecuteDeleteAsync();
        });

        Assert.Equal(fromTree, (await ledger.ProofAsync(records[0])).GetProperty("merkle").GetProperty("proof").GetRawText());
        // Its batch-mate has neither: it is shown without a Merkle section rather than with a wrong one.
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await ledger.ProofAsync(records[1])).GetProperty("merkle").ValueKind);
    }

    private static async Task SealAsync(SteppedLedger ledger)
    {
        await using var scope = ledger.Factory.Services.CreateAsyncScope();
        Assert.NotNull(await scope.ServiceProvider.GetRequiredService<BatchSealer>().SealDueAsync(CancellationToken.None));
    }
}
