using System.Numerics;

namespace Ledger.Chain;

/// <summary>The header fields of a block that anchoring needs.</summary>
/// <param name="Timestamp">Unix seconds.</param>
/// <param name="BaseFeePerGas">EIP-1559 base fee in wei; null on chains without one.</param>
public sealed record BlockInfo(ulong Number, string Hash, string ParentHash, long Timestamp, BigInteger? BaseFeePerGas);
