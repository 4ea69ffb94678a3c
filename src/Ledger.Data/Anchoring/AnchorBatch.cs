namespace Ledger.Data.Anchoring;

/// <summary>
/// A set of records sealed under one Merkle root and anchored in one transaction. Its <see cref="State"/> moves
/// sealed → submitted → included → confirmed, and each step is saved before the next begins.
/// </summary>
public sealed class AnchorBatch
{
    public long Id { get; init; }
    /// <summary>0x Merkle root; unique.</summary>
    public required string Root { get; init; }
    public required int LeafCount { get; init; }
    public required string State { get; set; }
    public required long SealedAtMs { get; init; }
    public ulong? ChainId { get; set; }
    public string? Contract { get; set; }
    /// <summary>The signed transaction, stored before it is sent so a crash can re-send the same bytes.</summary>
    public string? RawTransaction { get; set; }
    /// <summary>The current transaction (the latest signed; once included, the one that was mined).</summary>
    public string? TxHash { get; set; }
    public ulong? Nonce { get; set; }
    /// <summary>The current transaction's max fee per gas in wei (decimal text), kept to bump it for a replacement.</summary>
    public string? MaxFeePerGas { get; set; }
    /// <summary>The current transaction's tip per gas in wei (decimal text).</summary>
    public string? MaxPriorityFeePerGas { get; set; }
    public ulong? GasLimit { get; set; }
    /// <summary>First time the batch was submitted, Unix milliseconds.</summary>
    public long? SubmittedAtMs { get; set; }
    /// <summary>When the current transaction was last handed to the node; null when it must be (re)sent now.</summary>
    public long? LastSentAtMs { get; set; }
    /// <summary>The chain head before the first transaction for this root: no RootAnchored log for it can be older.</summary>
    public ulong? SearchFromBlock { get; set; }
    public ulong? BlockNumber { get; set; }
    public string? BlockHash { get; set; }
    /// <summary>The contract's batch id from the RootAnchored event (decimal text of a uint256).</summary>
    public string? ChainBatchId { get; set; }
    /// <summary>Block timestamp, Unix seconds (what anchoredAt(root) returns).</summary>
    public long? AnchoredAt { get; set; }
    public long? ConfirmedAtMs { get; set; }
    /// <summary>Last failure, for operators; never holds secrets.</summary>
    public string? LastError { get; set; }
    public int Attempts { get; set; }
}

/// <summary>The states of <see cref="AnchorBatch.State"/>.</summary>
public static class BatchState
{
    public const string Sealed = "sealed";
    public const string Submitted = "submitted";
    public const string Included = "included";
    public const string Confirmed = "confirmed";

    /// <summary>
    /// The anchoring status of every record in a batch in <paramref name="batchState"/>, or of a record in no batch
    /// yet (null): anchored once the root is in a canonical block, confirmed once enough blocks are on top, pending
    /// before and whenever the chain drops the block. It is derived here, never stored per record, so a batch's move
    /// is one row's update.
    /// </summary>
    public static string RecordStatus(string? batchState) => batchState switch
    {
        Included => Core.Proofs.RecordStatus.Anchored,
        Confirmed => Core.Proofs.RecordStatus.Confirmed,
        _ => Core.Proofs.RecordStatus.Pending,
    };
}
