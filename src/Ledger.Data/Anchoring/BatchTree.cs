namespace Ledger.Data.Anchoring;

/// <summary>
/// A sealed batch's Merkle tree: its 2n-1 nodes of 32 bytes in OpenZeppelin's layout (Ledger.Core's
/// <c>MerkleTree.ToNodeBytes</c>), written once when the batch is sealed. A record's proof is read from it
/// (<c>MerkleTree.ProofFromNodes</c>) rather than stored per record. Batches sealed since migration 0019 store their
/// tree in blocks instead (<see cref="BatchTreeBlock"/>); this table keeps the trees of batches sealed before.
/// </summary>
public sealed class BatchTree
{
    public required long BatchId { get; init; }
    public required byte[] Nodes { get; init; }
}
