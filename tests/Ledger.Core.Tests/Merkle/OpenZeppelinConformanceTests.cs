using System.Text.Json;
using Ledger.Core.Encoding;
using Ledger.Core.Merkle;
using Ledger.Testing;

namespace Ledger.Core.Tests.Merkle;

public sealed class OpenZeppelinConformanceTests
{
    private static readonly int[] FixedSizes = [1, 2, 3, 4, 5, 7, 8, 9, 16, 17, 31, 33, 100, 255, 256, 257, 1000, 1999, 2000];

    [Fact]
    public async Task RootsAndEveryProofMatchStandardMerkleTreeByteForByte()
    {
        var random = new Random(20240501);
        var sizes = FixedSizes.Concat(Enumerable.Range(0, 6).Select(_ => random.Next(1, 2001))).ToList();
        var trees = sizes.Select(size => RandomHashes.Make(size, random)).ToList();
        var request = JsonSerializer.Serialize(new { trees = trees.Select(t => t.Select(h => Hex.Encode(h))) });

        // One node run for every tree keeps the test fast.
        var response = JsonDocument.Parse(await NodeScript.RunAsync("tests/Ledger.Core.Tests/js/merkle-vectors.mjs", request));

        var expected = response.RootElement.GetProperty("trees").EnumerateArray().ToList();
        Assert.Equal(trees.Count, expected.Count);
        for (var t = 0; t < trees.Count; t++)
        {
            var tree = MerkleTree.Build(trees[t]);
            Assert.Equal(expected[t].GetProperty("root").GetString(), Hex.Encode(tree.Root));
            var proofs = expected[t].GetProperty("proofs").EnumerateArray().ToList();
            for (var i = 0; i < trees[t].Count; i++)
            {
                var theirs = proofs[i].EnumerateArray().Select(p => p.GetString()).ToList();
                var ours = tree.GetProof(trees[t][i]).Select(p => Hex.Encode(p)).ToList();
                Assert.True(theirs.SequenceEqual(ours), $"tree of {sizes[t]}: proof {i} differs");
            }
        }
    }
}
