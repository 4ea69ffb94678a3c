namespace Ledger.Data.Schema;

/// <summary>Lengths of chain-typed text columns, defined once.</summary>
public static class ChainColumns
{
    /// <summary>"0x" + 64 hex digits: a keccak-256 hash, Merkle root or block/tx hash.</summary>
    public const int Hash = 66;
    /// <summary>"0x" + 40 hex digits.</summary>
    public const int Address = 42;
    /// <summary>Decimal text of a uint256 (78 digits at most).</summary>
    public const int UInt256 = 78;
}
