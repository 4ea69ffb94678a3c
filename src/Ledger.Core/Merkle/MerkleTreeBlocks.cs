using System.Buffers.Binary;
using Ledger.Core.Hashing;

namespace Ledger.Core.Merkle;

/// <summary>
/// A stored tree (<see cref="MerkleTree.ToNodeBytes"/>) cut into blocks of at most six levels, so that a proof reads
/// three or four blocks of at most 2,016 bytes instead of the whole tree (128 KiB at 2,048 records, which a database
/// reads page by page).
/// </summary>
/// <remarks>
/// <para>
/// Levels are taken in bands of <see cref="Height"/>: levels 0–5, 6–11, 12–17 and so on. A block is one node of a
/// band's top level with its descendants inside the band, up to 63 nodes, stored level by level and named by the
/// index of its top node in the tree's node array (block 0 holds the root). A node's path to the root crosses one
/// block per band, and its sibling lies in the same block except at a band's top level, where it tops the
/// neighbouring block: a proof in a tree of 2,048 records reads the leaf's block, the neighbour's and block 0.
/// </para>
/// <para>
/// In the array only the deepest level can be incomplete, and its nodes come first from the left, so every block is
/// a prefix of its full level-by-level layout: a block's bytes are its nodes in that order, with nothing to fill.
/// </para>
/// <para>
/// The record's leaf is found by interpolation: the leaves are keccak-256 hashes, spread evenly over their range and
/// sorted, so a leaf's first eight bytes say roughly where among the sorted leaves it sits. The search then gallops
/// from that guess and halves the bracket it finds, usually without leaving the first block it read.
/// </para>
/// </remarks>
public static class MerkleTreeBlocks
{
    /// <summary>Levels per block.</summary>
    public const int Height = 6;

    /// <summary>Most nodes a block holds: a full band of <see cref="Height"/> levels below one node.</summary>
    public const int MaxNodes = (1 << Height) - 1;

    /// <summary>Which block holds node <paramref name="node"/> of the array, and its place in that block.</summary>
    public static (int Block, int Position) Locate(int node)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(node);
        var depth = Depth(node);
        var top = depth - (depth % Height);
        var below = depth - top;
        // The ancestor at the band's top level, then the node's place in that ancestor's level-by-level layout.
        var block = ((node + 1) >> below) - 1;
        var offset = (node + 1) - ((block + 1) << below);
        return (block, (1 << below) - 1 + offset);
    }

    /// <summary>
    /// The blocks of a stored tree (<see cref="MerkleTree.ToNodeBytes"/>), each as its name and bytes, in ascending
    /// order of name.
    /// </summary>
    /// <exception cref="ArgumentException">The bytes are not the 2n-1 nodes of a tree.</exception>
    public static IReadOnlyList<(int Block, byte[] Nodes)> Split(ReadOnlySpan<byte> nodes)
    {
        var count = NodeCount(nodes);
        // Every block is a prefix of its layout (above), so its size is the number of nodes it holds.
        var sizes = new SortedDictionary<int, int>();
        for (var k = 0; k < count; k++)
        {
            var block = Locate(k).Block;
            sizes[block] = sizes.GetValueOrDefault(block) + 1;
        }
        var blocks = sizes.ToDictionary(s => s.Key, s => new byte[s.Value * Keccak256.Size]);
        for (var k = 0; k < count; k++)
        {
            var (block, position) = Locate(k);
            nodes.Slice(k * Keccak256.Size, Keccak256.Size).CopyTo(blocks[block].AsSpan(position * Keccak256.Size));
        }
        return [.. sizes.Keys.Select(block => (block, blocks[block]))];
    }

    /// <summary>A stored tree (<see cref="MerkleTree.ToNodeBytes"/>) put back together from all its blocks.</summary>
    /// <exception cref="InvalidOperationException">A block is missing or too short: the store is damaged.</exception>
    public static byte[] Join(IReadOnlyDictionary<int, byte[]> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var count = blocks.Values.Sum(b => b.Length) / Keccak256.Size;
        if (count % 2 == 0 || !blocks.ContainsKey(0))
        {
            var root = blocks.ContainsKey(0) ? "" : " and no root";
            throw new InvalidOperationException($"A stored tree's blocks hold {count} nodes{root}: the store is damaged.");
        }
        var nodes = new byte[count * Keccak256.Size];
        for (var k = 0; k < count; k++)
        {
            NodeIn(blocks.GetValueOrDefault, k).CopyTo(nodes.AsSpan(k * Keccak256.Size));
        }
        return nodes;
    }

    /// <summary>
    /// The proof of <paramref name="recordHash"/> (as <see cref="MerkleTree.GetProof"/> gives it) in a tree of
    /// <paramref name="leafCount"/> records, reading each block it needs once through <paramref name="readBlock"/>.
    /// Null when the tree does not hold the record.
    /// </summary>
    /// <param name="leafCount">How many records the tree holds (the batch's leaf count).</param>
    /// <param name="readBlock">A block's bytes by name; null when there is no such block.</param>
    /// <param name="recordHash">The record's hash (32 bytes).</param>
    /// <exception cref="InvalidOperationException">A block the tree must have is missing or too short.</exception>
    public static IReadOnlyList<byte[]>? Proof(int leafCount, Func<int, byte[]?> readBlock, byte[] recordHash)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(leafCount, 1);
        ArgumentNullException.ThrowIfNull(readBlock);
        var read = new Dictionary<int, byte[]?>();
        byte[]? Block(int block)
        {
            if (!read.TryGetValue(block, out var bytes))
            {
                bytes = readBlock(block);
                read[block] = bytes;
            }
            return bytes;
        }
        var leaf = MerkleTree.LeafHash(recordHash);
        var n = leafCount;
        // Sorted leaf i (ascending) is node 2n-2-i.
        int Compare(int i) => NodeIn(Block, 2 * n - 2 - i).SequenceCompareTo(leaf);

        if (Find(n, leaf, Compare) is not { } sorted)
        {
            return null;
        }
        var index = 2 * n - 2 - sorted;
        var proof = new List<byte[]>();
        while (index > 0)
        {
            var sibling = index % 2 == 1 ? index + 1 : index - 1;
            proof.Add(NodeIn(Block, sibling).ToArray());
            index = (index - 1) / 2;
        }
        return proof;
    }

    // The sorted position of the leaf, or null: a guess from the leaf's leading bytes, a gallop to bracket it, then
    // halving. Every step compares the leaf with a stored one, so a wrong guess costs reads, never a wrong answer.
    private static int? Find(int n, byte[] leaf, Func<int, int> compare)
    {
        var guess = (int)Math.Min(n - 1, (long)((UInt128)BinaryPrimitives.ReadUInt64BigEndian(leaf) * (ulong)n >> 64));
        var order = compare(guess);
        if (order == 0)
        {
            return guess;
        }
        int low, high;
        if (order < 0)
        {
            // The stored leaf is smaller: look above.
            low = guess + 1;
            high = n - 1;
            for (var step = 1; low + step - 1 <= n - 1; step *= 2)
            {
                var probe = low + step - 1;
                var at = compare(probe);
                if (at == 0)
                {
                    return probe;
                }
                if (at > 0)
                {
                    high = probe - 1;
                    break;
                }
                low = probe + 1;
            }
        }
        else
        {
            low = 0;
            high = guess - 1;
            for (var step = 1; high - step + 1 >= 0; step *= 2)
            {
                var probe = high - step + 1;
                var at = compare(probe);
                if (at == 0)
                {
                    return probe;
                }
                if (at < 0)
                {
                    low = probe + 1;
                    break;
                }
                high = probe - 1;
            }
        }
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var at = compare(middle);
            if (at == 0)
            {
                return middle;
            }
            if (at < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        return null;
    }

    private static ReadOnlySpan<byte> NodeIn(Func<int, byte[]?> blocks, int node)
    {
        var (block, position) = Locate(node);
        var bytes = blocks(block);
        if (bytes is null || bytes.Length < (position + 1) * Keccak256.Size)
        {
            throw new InvalidOperationException($"The stored tree lacks block {block} or node {node} in it: the store is damaged.");
        }
        return bytes.AsSpan(position * Keccak256.Size, Keccak256.Size);
    }

    private static int NodeCount(ReadOnlySpan<byte> nodes)
    {
        var count = nodes.Length / Keccak256.Size;
        if (nodes.Length % Keccak256.Size != 0 || count % 2 == 0)
        {
            throw new ArgumentException($"A stored tree is an odd number of 32-byte nodes, not {nodes.Length} bytes.", nameof(nodes));
        }
        return count;
    }

    // The level of node k: 0 for the root, then floor(log2(k + 1)).
    private static int Depth(int node) => 31 - int.LeadingZeroCount(node + 1);
}
