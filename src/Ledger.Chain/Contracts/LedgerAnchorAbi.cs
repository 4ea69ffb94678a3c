using Ledger.Chain.Abi;
using Ledger.Core.Hashing;

namespace Ledger.Chain;

/// <summary>The LedgerAnchor contract's interface: functions, the RootAnchored event and the errors it can revert with.</summary>
/// <remarks>Written out here rather than read from the artifact so a drifted artifact fails a test instead of changing calls.</remarks>
public static class LedgerAnchorAbi
{
    /// <summary>anchor(bytes32 root, uint64 leafCount) returns (uint256 batchId).</summary>
    public static readonly AbiFunction Anchor = AbiFunction.Parse("anchor(bytes32 root, uint64 leafCount) returns (uint256 batchId)");

    /// <summary>anchoredAt(bytes32 root) returns (uint64): block timestamp, or 0 when never anchored.</summary>
    public static readonly AbiFunction AnchoredAt = AbiFunction.Parse("anchoredAt(bytes32 root) returns (uint64)");

    /// <summary>batchOf(bytes32 root) returns (uint256).</summary>
    public static readonly AbiFunction BatchOf = AbiFunction.Parse("batchOf(bytes32 root) returns (uint256)");

    /// <summary>batchCount() returns (uint256).</summary>
    public static readonly AbiFunction BatchCount = AbiFunction.Parse("batchCount() returns (uint256)");

    /// <summary>verify(bytes32 recordHash, bytes32[] proof, bytes32 root) returns (bool).</summary>
    public static readonly AbiFunction Verify = AbiFunction.Parse("verify(bytes32 recordHash, bytes32[] proof, bytes32 root) returns (bool)");

    /// <summary>version() returns (string).</summary>
    public static readonly AbiFunction Version = AbiFunction.Parse("version() returns (string)");

    /// <summary>hasRole(bytes32 role, address account) returns (bool), from OpenZeppelin AccessControl.</summary>
    public static readonly AbiFunction HasRole = AbiFunction.Parse("hasRole(bytes32 role, address account) returns (bool)");

    /// <summary>The constructor's parameters: (address admin, address anchorer).</summary>
    public static readonly IReadOnlyList<AbiParameter> ConstructorInputs = AbiSignature.Parse("constructor(address admin, address anchorer)").Parameters;

    /// <summary>RootAnchored(uint256 indexed batchId, bytes32 indexed root, uint64 leafCount).</summary>
    public static readonly AbiEvent RootAnchored = AbiEvent.Parse("RootAnchored(uint256 indexed batchId, bytes32 indexed root, uint64 leafCount)");

    /// <summary>keccak256("ANCHORER_ROLE"): the role allowed to call anchor.</summary>
    public static readonly byte[] AnchorerRole = Keccak256.Hash("ANCHORER_ROLE"u8);

    /// <summary>Every revert LedgerAnchor can produce, including Solidity's built-in Error(string) and Panic(uint256).</summary>
    public static readonly IReadOnlyList<AbiError> Errors =
    [
        AbiError.Parse("LedgerAnchorZeroRoot()"),
        AbiError.Parse("LedgerAnchorEmptyBatch()"),
        AbiError.Parse("LedgerAnchorRootAlreadyAnchored(bytes32 root, uint256 batchId)"),
        AbiError.Parse("AccessControlUnauthorizedAccount(address account, bytes32 neededRole)"),
        AbiError.Parse("AccessControlBadConfirmation()"),
        AbiError.Parse("Error(string message)"),
        AbiError.Parse("Panic(uint256 code)"),
    ];

    /// <summary>The error named <paramref name="name"/>.</summary>
    public static AbiError Error(string name) => Errors.Single(e => e.Name == name);
}
