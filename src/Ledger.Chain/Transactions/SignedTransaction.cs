using System.Numerics;

namespace Ledger.Chain;

/// <summary>A signed transaction ready for <c>eth_sendRawTransaction</c>, with the fields a sender tracks.</summary>
/// <param name="Raw">The raw bytes to broadcast.</param>
/// <param name="Hash">keccak256 of <paramref name="Raw"/>: the transaction hash, 0x hex.</param>
/// <param name="MaxFeePerGas">For a legacy transaction, its gas price.</param>
/// <param name="MaxPriorityFeePerGas">For a legacy transaction, its gas price.</param>
public sealed record SignedTransaction(
    byte[] Raw,
    string Hash,
    ulong Nonce,
    BigInteger MaxFeePerGas,
    BigInteger MaxPriorityFeePerGas,
    ulong GasLimit);
