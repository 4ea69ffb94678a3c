namespace Ledger.Chain.Rlp;

/// <summary>A decoded RLP item: either a byte string or a list of items.</summary>
public abstract record RlpItem;

/// <summary>A decoded RLP byte string.</summary>
/// <param name="Bytes">The string's payload.</param>
public sealed record RlpString(byte[] Bytes) : RlpItem;

/// <summary>A decoded RLP list.</summary>
/// <param name="Items">The list's items in order.</param>
public sealed record RlpList(IReadOnlyList<RlpItem> Items) : RlpItem;
