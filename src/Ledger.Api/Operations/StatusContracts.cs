namespace Ledger.Api.Operations;

/// <summary>What an operator needs to see at a glance: backlog, recent batches, the chain, and anything stuck.</summary>
public sealed record LedgerStatus(
    DateTimeOffset AsOf,
    BacklogStatus Backlog,
    ChainStatus Chain,
    IReadOnlyList<BatchStatus> RecentBatches,
    IReadOnlyList<BatchStatus> Stuck);

/// <summary>Records accepted but not yet in a sealed batch, and batches not yet confirmed.</summary>
public sealed record BacklogStatus(int WaitingRecords, DateTimeOffset? OldestWaitingSince, int OpenBatches, int RecordsInOpenBatches);

/// <summary>The chain as this instance sees it.</summary>
public sealed record ChainStatus(bool Connected, string? Problem, ulong? ChainId, string? Contract, string? Sender, ulong? Head, bool Embedded);

/// <summary>One batch's progress through sealed → submitted → included → confirmed.</summary>
public sealed record BatchStatus(
    long Id,
    string State,
    string Root,
    int LeafCount,
    DateTimeOffset SealedAt,
    string? TxHash,
    ulong? BlockNumber,
    int Attempts,
    string? LastError);
