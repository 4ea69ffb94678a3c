using Ledger.Core.Hashing;

namespace Ledger.Core.Merkle;

/// <summary>
/// A Merkle tree over record hashes, byte-for-byte the OpenZeppelin StandardMerkleTree with leaf encoding
/// <c>['bytes32']</c>, so its roots and proofs verify with OpenZeppelin's MerkleProof and merkle-tree library.
/// </summary>
/// <remarks>
/// Layout (as in OpenZeppelin's merkle-tree): leaves are hashed and sorted ascending; in an array of 2n-1 nodes the
/// i-th sorted leaf sits at 2n-2-i and node k is the sorted-pair hash of nodes 2k+1 and 2k+2, the root at 0.
/// </remarks>
public sealed class MerkleTree
{
    private readonly byte[][] _nodes;
    private readonly Dictionary<byte[], int> _positionByRecordHash;

    private MerkleTree(byte[][] nodes, Dictionary<byte[], int> positionByRecordHash)
    {
        _nodes = nodes;
        _positionByRecordHash = positionByRecordHash;
    }

    /// <summary>The root hash (32 bytes); a copy.</summary>
    public byte[] Root => (byte[])_nodes[0].Clone();

    /// <summary>How many record hashes the tree holds.</summary>
    public int Count => _positionByRecordHash.Count;

    /// <summary>Builds the tree in O(n log n): one sort, then one hash per node.</summary>
    /// <exception cref="ArgumentException">No hashes, a hash that is not 32 bytes, or the same hash twice.</exception>
    public static MerkleTree Build(IReadOnlyList<byte[]> recordHashes)
    {
        ArgumentNullException.ThrowIfNull(recordHashes);
        if (recordHashes.Count == 0)
        {
            throw new ArgumentException("A Merkle tree needs at least one record hash.", nameof(recordHashes));
        }
        var leaves = new (byte[] Leaf, byte[] RecordHash)[recordHashes.Count];
        var seen = new HashSet<byte[]>(ByteArrayComparer.Instance);
        for (var i = 0; i < recordHashes.Count; i++)
        {
            var recordHash = recordHashes[i];
            CheckHash(recordHash, nameof(recordHashes));
            var copy = (byte[])recordHash.Clone();
            if (!seen.Add(copy))
            {
                // OpenZeppelin would accept it, but one record in one batch twice is a bug upstream worth surfacing.
                throw new ArgumentException($"Record hash at index {i} appears more than once.", nameof(recordHashes));
            }
            leaves[i] = (LeafHash(copy), copy);
        }
        Array.Sort(leaves, (a, b) => a.Leaf.AsSpan().SequenceCompareTo(b.Leaf));

        var n = leaves.Length;
        var nodes = new byte[2 * n - 1][];
        var positions = new Dictionary<byte[], int>(n, ByteArrayComparer.Instance);
        for (var i = 0; i < n; i++)
        {
            nodes[2 * n - 2 - i] = leaves[i].Leaf;
            positions.Add(leaves[i].RecordHash, 2 * n - 2 - i);
        }
        for (var k = n - 2; k >= 0; k--)
        {
            nodes[k] = HashPair(nodes[2 * k + 1], nodes[2 * k + 2]);
        }
        return new MerkleTree(nodes, positions);
    }

    /// <summary>Whether the tree holds <paramref name="recordHash"/>.</summary>
    public bool Contains(byte[] recordHash) => _positionByRecordHash.ContainsKey(recordHash);

    /// <summary>The sibling hashes from the record's leaf up to the root, in O(log n).</summary>
    /// <exception cref="KeyNotFoundException">The tree does not hold <paramref name="recordHash"/>.</exception>
    public IReadOnlyList<byte[]> GetProof(byte[] recordHash)
    {
        ArgumentNullException.ThrowIfNull(recordHash);
        if (!_positionByRecordHash.TryGetValue(recordHash, out var index))
        {
            throw new KeyNotFoundException("The record hash is not in this tree.");
        }
        var proof = new List<byte[]>();
        while (index > 0)
        {
            // Odd positions are left children, so their sibling is to the right; even ones, to the left.
            var sibling = index % 2 == 1 ? index + 1 : index - 1;
            proof.Add((byte[])_nodes[sibling].Clone());
            index = (index - 1) / 2;
        }
        return proof;
    }

    /// <summary>
    /// The whole tree as stored: its 2n-1 nodes of 32 bytes each, in the layout above (root first, sorted leaves last,
    /// the smallest at the very end). <see cref="ProofFromNodes"/> reads a record's proof back out of these bytes.
    /// </summary>
    public byte[] ToNodeBytes()
    {
        var bytes = new byte[_nodes.Length * Keccak256.Size];
        for (var k = 0; k < _nodes.Length; k++)
        {
            _nodes[k].CopyTo(bytes, k * Keccak256.Size);
        }
        return bytes;
    }

    /// <summary>
    /// The proof of <paramref name="recordHash"/> (as <see cref="GetProof"/> gives it) read from a tree's stored nodes
    /// (<see cref="ToNodeBytes"/>): its leaf is found by binary search among the sorted leaves, then a sibling is
    /// copied per level, O(log n) with nothing hashed but the leaf. Null when the tree does not hold the record.
    /// </summary>
    /// <exception cref="ArgumentException">The bytes are not the 2n-1 nodes of a tree.</exception>
    public static IReadOnlyList<byte[]>? ProofFromNodes(ReadOnlySpan<byte> nodes, byte[] recordHash)
    {
        var count = nodes.Length / Keccak256.Size;
        if (nodes.Length % Keccak256.Size != 0 || count % 2 == 0)
        {
            throw new ArgumentException($"A stored tree is an odd number of 32-byte nodes, not {nodes.Length} bytes.", nameof(nodes));
        }
        var leaf = LeafHash(recordHash);
        var n = (count + 1) / 2;
        // Sorted leaf i sits at node 2n-2-i: ascending i is descending position.
        int low = 0, high = n - 1;
        int? found = null;
        while (low <= high)
        {
            var i = low + ((high - low) / 2);
            var order = nodes.Slice((2 * n - 2 - i) * Keccak256.Size, Keccak256.Size).SequenceCompareTo(leaf);
            if (order == 0)
            {
                found = 2 * n - 2 - i;
                break;
            }
            if (order < 0)
            {
                low = i + 1;
            }
            else
            {
                high = i - 1;
            }
        }
        if (found is not { } index)
        {
            return null;
        }
        var proof = new List<byte[]>();
        while (index > 0)
        {
            var sibling = index % 2 == 1 ? index + 1 : index - 1;
            proof.Add(nodes.Slice(sibling * Keccak256.Size, Keccak256.Size).ToArray());
            index = (index - 1) / 2;
        }
        return proof;
    }

    /// <summary>
    /// The leaf for a record hash: keccak256(keccak256(abi.encode(bytes32))). abi.encode of one bytes32 is the 32 bytes
    /// themselves; hashing twice keeps a leaf from ever being mistaken for an inner node (second-preimage defence).
    /// </summary>
    public static byte[] LeafHash(byte[] recordHash)
    {
        CheckHash(recordHash, nameof(recordHash));
        return Keccak256.Hash(Keccak256.Hash(recordHash));
    }

    /// <summary>keccak256 of the two hashes concatenated smaller first, so proofs need no left/right flags.</summary>
    public static byte[] HashPair(byte[] a, byte[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.AsSpan().SequenceCompareTo(b) <= 0 ? Keccak256.Hash(a, b) : Keccak256.Hash(b, a);
    }

    /// <summary>Folds a proof onto a leaf: the root the proof leads to.</summary>
    public static byte[] ProcessProof(byte[] leaf, IEnumerable<byte[]> proof)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        ArgumentNullException.ThrowIfNull(proof);
        return proof.Aggregate(leaf, HashPair);
    }

    /// <summary>Whether <paramref name="proof"/> leads from <paramref name="recordHash"/>'s leaf to <paramref name="root"/>.</summary>
    public static bool Verify(byte[] root, byte[] recordHash, IReadOnlyList<byte[]> proof)
    {
        ArgumentNullException.ThrowIfNull(root);
        return ProcessProof(LeafHash(recordHash), proof).AsSpan().SequenceEqual(root);
    }

    private static void CheckHash(byte[] hash, string parameter)
    {
        ArgumentNullException.ThrowIfNull(hash, parameter);
        if (hash.Length != Keccak256.Size)
        {
            throw new ArgumentException($"A record hash is {Keccak256.Size} bytes, not {hash.Length}.", parameter);
        }
    }
}
