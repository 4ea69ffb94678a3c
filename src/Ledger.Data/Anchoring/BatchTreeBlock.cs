namespace Ledger.Data.Anchoring;

/// <summary>
/// One block of a sealed batch's Merkle tree (Ledger.Core's <c>MerkleTreeBlocks</c>): up to six levels below one
/// node, named by that node's index in the tree's node array. Written once when the batch is sealed; a proof reads the
/// three or four blocks on its record's path. Batches sealed before blocks keep their whole tree in <see cref="BatchTree"/>.
/// </summary>
public sealed class BatchTreeBlock
{
    public required long BatchId { get; init; }
    public required int Block { get; init; }
    public required byte[] Nodes { get; init; }
}
