using System.Numerics;

namespace Ledger.Chain;

/// <summary>The outcome of a mined transaction.</summary>
/// <param name="Succeeded">False when the transaction was mined but reverted (status 0).</param>
/// <param name="EffectiveGasPrice">Wei actually paid per gas.</param>
/// <param name="ContractAddress">For contract creation, the new contract (EIP-55); otherwise null.</param>
public sealed record TransactionReceipt(
    string TransactionHash,
    ulong BlockNumber,
    string BlockHash,
    bool Succeeded,
    ulong GasUsed,
    BigInteger EffectiveGasPrice,
    string? ContractAddress,
    IReadOnlyList<LogEntry> Logs);
