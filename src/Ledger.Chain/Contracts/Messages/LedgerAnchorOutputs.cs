using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Ledger.Chain.Contracts;

// What LedgerAnchor's view functions return, decoded by Nethereum. Integer widths are the ABI's: Nethereum refuses a
// uint64 word with higher bits set. Bool results are checked to be exactly 0 or 1 by LedgerAnchorContract, because
// Nethereum reads any non-zero word as true.

/// <summary>What issuerKey returns: the blocks of registration and retirement (0 = never / not retired).</summary>
[FunctionOutput]
public sealed class IssuerKeyOutput : IFunctionOutputDTO
{
    /// <summary>The block of registration; 0 when never registered.</summary>
    [Parameter("uint64", "validFromBlock", 1)]
    public ulong ValidFromBlock { get; set; }

    /// <summary>The block of retirement (inclusive); 0 while current.</summary>
    [Parameter("uint64", "validUntilBlock", 2)]
    public ulong ValidUntilBlock { get; set; }
}

/// <summary>Output of a function with one uint64 result.</summary>
[FunctionOutput]
public sealed class UInt64Output : IFunctionOutputDTO
{
    /// <summary>The value; Nethereum refuses a word with bits above 64 set.</summary>
    [Parameter("uint64", "", 1)]
    public ulong Value { get; set; }
}

/// <summary>Output of a function with one uint256 result.</summary>
[FunctionOutput]
public sealed class UInt256Output : IFunctionOutputDTO
{
    /// <summary>The value.</summary>
    [Parameter("uint256", "", 1)]
    public BigInteger Value { get; set; }
}

/// <summary>Output of a function with one string result.</summary>
[FunctionOutput]
public sealed class StringOutput : IFunctionOutputDTO
{
    /// <summary>The value.</summary>
    [Parameter("string", "", 1)]
    public string Value { get; set; } = "";
}
