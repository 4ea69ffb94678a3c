namespace Ledger.Data.Anchoring;

/// <summary>
/// One transaction signed for a batch. A batch keeps all of them: a replacement gets a new hash, yet the transaction it
/// replaced may still be the one that is mined, so every hash is checked for a receipt.
/// </summary>
public sealed class BatchTransaction
{
    public long Id { get; init; }
    public required long BatchId { get; init; }
    public required string TxHash { get; init; }
    public required ulong Nonce { get; init; }
    /// <summary>Wei per gas, decimal text.</summary>
    public required string MaxFeePerGas { get; init; }
    /// <summary>Wei per gas, decimal text.</summary>
    public required string MaxPriorityFeePerGas { get; init; }
    public required ulong GasLimit { get; init; }
    /// <summary>The signed bytes, 0x hex: re-sending them is always safe.</summary>
    public required string RawTransaction { get; init; }
    public required long SignedAtMs { get; init; }
}
