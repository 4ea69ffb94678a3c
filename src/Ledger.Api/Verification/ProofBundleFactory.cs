using Ledger.Api.Issuers;
using Ledger.Core.Proofs;
using Ledger.Data;
using Ledger.Data.Anchoring;
using Ledger.Data.Records;

namespace Ledger.Api.Verification;

/// <summary>Builds the public, payload-free proof of a record from its row and its batch.</summary>
internal static class ProofBundleFactory
{
    /// <param name="db">The store, for the batch's tree (<see cref="MerklePaths"/>).</param>
    /// <param name="record">The record.</param>
    /// <param name="batch">Its batch, if sealed.</param>
    /// <param name="status">The status the public sees (superseded, revoked and erased included; see RecordStanding).</param>
    /// <param name="ct">Cancels the read.</param>
    public static async Task<ProofBundle> CreateAsync(LedgerDbContext db, StoredRecord record, AnchorBatch? batch, string status, CancellationToken ct) =>
        Create(record, batch, status, batch is null ? null : await MerklePaths.OfAsync(db, record, ct));

    /// <summary>The same, for a record whose Merkle path is already read (<see cref="MerklePaths.OfManyAsync"/>).</summary>
    public static ProofBundle Create(StoredRecord record, AnchorBatch? batch, string status, IReadOnlyList<string>? path) => new()
    {
        Format = ProofBundle.CurrentFormat,
        RecordHash = record.RecordHash,
        Status = status,
        Merkle = batch is not null && path is not null ? new MerkleSection(batch.Root, path) : null,
        Anchor = AnchorOf(batch),
        Issuer = IssuerSections.Of(record),
    };

    /// <summary>The on-chain location of a batch, once it is included in a block.</summary>
    public static AnchorSection? AnchorOf(AnchorBatch? batch) =>
        batch is { State: BatchState.Included or BatchState.Confirmed } b
            ? new AnchorSection(b.ChainId!.Value, b.Contract!, b.TxHash!, b.BlockNumber!.Value, b.BlockHash!, b.ChainBatchId!, b.AnchoredAt!.Value)
            : null;
}
