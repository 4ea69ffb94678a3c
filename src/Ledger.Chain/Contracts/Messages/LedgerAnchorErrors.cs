using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Ledger.Chain.Contracts;

// Every revert LedgerAnchor can produce, as Nethereum error DTOs: its own custom errors, OpenZeppelin's (AccessControl,
// and Address, through which Multicall bubbles up the reverts of its calls), and Solidity's Error(string) and
// Panic(uint256). LedgerAnchorAbi.Errors lists them for RevertDescription.

/// <summary>LedgerAnchorZeroRoot(): anchor was called with the zero root.</summary>
[Error("LedgerAnchorZeroRoot")]
public sealed class LedgerAnchorZeroRootError;

/// <summary>LedgerAnchorEmptyBatch(): anchor was called with a leaf count of zero.</summary>
[Error("LedgerAnchorEmptyBatch")]
public sealed class LedgerAnchorEmptyBatchError;

/// <summary>LedgerAnchorRootAlreadyAnchored(bytes32 root, uint256 batchId).</summary>
[Error("LedgerAnchorRootAlreadyAnchored")]
public sealed class LedgerAnchorRootAlreadyAnchoredError
{
    /// <summary>The root that was anchored before.</summary>
    [Parameter("bytes32", "root", 1)]
    public byte[] Root { get; set; } = [];

    /// <summary>The batch that anchored it.</summary>
    [Parameter("uint256", "batchId", 2)]
    public BigInteger BatchId { get; set; }
}

/// <summary>LedgerAnchorZeroIssuerKey(): the zero address cannot be an issuer key.</summary>
[Error("LedgerAnchorZeroIssuerKey")]
public sealed class LedgerAnchorZeroIssuerKeyError;

/// <summary>AccessControlUnauthorizedAccount(address account, bytes32 neededRole).</summary>
[Error("AccessControlUnauthorizedAccount")]
public sealed class AccessControlUnauthorizedAccountError
{
    /// <summary>The caller.</summary>
    [Parameter("address", "account", 1)]
    public string Account { get; set; } = "";

    /// <summary>The role it lacks.</summary>
    [Parameter("bytes32", "neededRole", 2)]
    public byte[] NeededRole { get; set; } = [];
}

/// <summary>AccessControlBadConfirmation(): renounceRole was called for another account.</summary>
[Error("AccessControlBadConfirmation")]
public sealed class AccessControlBadConfirmationError;

/// <summary>AddressEmptyCode(address target), from OpenZeppelin's Address library.</summary>
[Error("AddressEmptyCode")]
public sealed class AddressEmptyCodeError
{
    /// <summary>The address without code.</summary>
    [Parameter("address", "target", 1)]
    public string Target { get; set; } = "";
}

/// <summary>FailedCall(), from OpenZeppelin's Address library.</summary>
[Error("FailedCall")]
public sealed class FailedCallError;

/// <summary>Error(string message): Solidity's require and revert with a reason.</summary>
[Error("Error")]
public sealed class ErrorStringError
{
    /// <summary>The reason.</summary>
    [Parameter("string", "message", 1)]
    public string Message { get; set; } = "";
}

/// <summary>Panic(uint256 code): Solidity's failed assertions, overflows and the like.</summary>
[Error("Panic")]
public sealed class PanicError
{
    /// <summary>The panic code.</summary>
    [Parameter("uint256", "code", 1)]
    public BigInteger Code { get; set; }
}
