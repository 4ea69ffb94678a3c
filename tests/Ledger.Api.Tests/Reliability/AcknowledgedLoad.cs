using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ledger.Api.Tests.Hosting;
using Ledger.Chain;
using Ledger.Core.Encoding;
using Ledger.Core.Merkle;
using Ledger.Data;
using Ledger.Data.Anchoring;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Tests.Reliability;

/// <summary>
/// Load on a real service process that may be killed at any moment, and the check afterwards: every acknowledged
/// record is stored, in exactly one confirmed batch whose proofs verify, and the chain shows each batch once.
/// </summary>
internal static class AcknowledgedLoad
{
    /// <summary>
    /// <paramref name="writers"/> writers post inspections until cancelled or the service dies; only a 202 counts as
    /// acknowledged (record hash → id). Failures while the service dies are expected.
    /// </summary>
    public static async Task DriveAsync(ServiceProcess service, string apiKey, ConcurrentDictionary<string, string> acknowledged, int writers, CancellationToken ct)
    {
        var all = Enumerable.Range(0, writers).Select(async writer =>
        {
            using var client = new HttpClient { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
            for (var i = 0; !ct.IsCancellationRequested; i++)
            {
                try
                {
                    var response = await client.PostAsJsonAsync("/api/v1/records", Samples.Inspection($"L-{writer}-{i}-{Guid.NewGuid():N}"), ct);
                    if (response.StatusCode == HttpStatusCode.Accepted)
                    {
                        var body = await response.Content.ReadFromJsonAsync<JsonElement>(CancellationToken.None);
                        acknowledged[body.GetProperty("recordHash").GetString()!] = body.GetProperty("id").GetString()!;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or OperationCanceledException or IOException)
                {
                    if (service.HasExited)
                    {
                        return;
                    }
                }
            }
        });
        await Task.WhenAll(all);
    }

    /// <summary>Every acknowledged record stored, in one confirmed batch with verifying proofs; each batch on chain once, at its stored time.</summary>
    public static async Task AssertDurableAndAnchoredOnceAsync(LedgerDbContext db, LedgerAnchorContract contract, ICollection<string> acknowledged, string context)
    {
        var records = await db.Records.AsNoTracking().Select(r => new { r.RecordHash, r.BatchId }).ToListAsync();
        var trees = (await db.BatchTreeBlocks.AsNoTracking().ToListAsync())
            .GroupBy(b => b.BatchId).ToDictionary(g => g.Key, g => MerkleTreeBlocks.Join(g.ToDictionary(b => b.Block, b => b.Nodes)));
        var batches = await db.Batches.AsNoTracking().ToListAsync();
        var byHash = records.ToDictionary(r => r.RecordHash);

        var lost = acknowledged.Where(h => !byHash.ContainsKey(h)).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} acknowledged records are missing, e.g. {lost.FirstOrDefault()}");
        Assert.All(records, r => Assert.NotNull(r.BatchId));
        var unconfirmed = batches.Where(b => b.State != BatchState.Confirmed).Select(b => $"#{b.Id} {b.State} ({b.LastError})").ToList();
        Assert.True(unconfirmed.Count == 0, $"Not confirmed after the backlog drained: {string.Join("; ", unconfirmed)}\n{context}");
        foreach (var batch in batches)
        {
            var members = records.Where(r => r.BatchId == batch.Id).ToList();
            Assert.Equal(batch.LeafCount, members.Count);
            var root = Hex.DecodeFixed(batch.Root, 32);
            Assert.All(members, m => Assert.True(MerkleTree.Verify(root, Hex.DecodeFixed(m.RecordHash, 32),
                MerkleTree.ProofFromNodes(trees[batch.Id], Hex.DecodeFixed(m.RecordHash, 32))!)));
        }
        Assert.Equal(batches.Count, (int)await contract.BatchCountAsync());
        foreach (var batch in batches)
        {
            Assert.Equal(batch.AnchoredAt, await contract.AnchoredAtAsync(Hex.DecodeFixed(batch.Root, 32)));
        }
    }
}
