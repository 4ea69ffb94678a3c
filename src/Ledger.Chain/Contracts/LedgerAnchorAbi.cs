using Ledger.Chain.Abi;
using Ledger.Core.Hashing;

namespace Ledger.Chain;

/// <summary>The LedgerAnchor contract's interface: functions, events and the errors it can revert with.</summary>
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

    /// <summary>registerIssuerKey(bytes32 organisation, address key): idempotent; valid from the block it lands in.</summary>
    public static readonly AbiFunction RegisterIssuerKey = AbiFunction.Parse("registerIssuerKey(bytes32 organisation, address key)");

    /// <summary>retireIssuerKey(bytes32 organisation, address key): idempotent; valid up to the block it lands in.</summary>
    public static readonly AbiFunction RetireIssuerKey = AbiFunction.Parse("retireIssuerKey(bytes32 organisation, address key)");

    /// <summary>issuerKey(bytes32 organisation, address key) returns (uint64 validFromBlock, uint64 validUntilBlock).</summary>
    public static readonly AbiFunction IssuerKey = AbiFunction.Parse("issuerKey(bytes32 organisation, address key) returns (uint64 validFromBlock, uint64 validUntilBlock)");

    /// <summary>isIssuerKeyValidAt(bytes32 organisation, address key, uint64 blockNumber) returns (bool).</summary>
    public static readonly AbiFunction IsIssuerKeyValidAt = AbiFunction.Parse("isIssuerKeyValidAt(bytes32 organisation, address key, uint64 blockNumber) returns (bool)");

    /// <summary>multicall(bytes[] data) returns (bytes[] results), from OpenZeppelin Multicall: several calls, one transaction.</summary>
    public static readonly AbiFunction Multicall = AbiFunction.Parse("multicall(bytes[] data) returns (bytes[] results)");

    /// <summary>hasRole(bytes32 role, address account) returns (bool), from OpenZeppelin AccessControl.</summary>
    public static readonly AbiFunction HasRole = AbiFunction.Parse("hasRole(bytes32 role, address account) returns (bool)");

    /// <summary>The constructor's parameters: (address admin, address anchorer, address registrar).</summary>
    public static readonly IReadOnlyList<AbiParameter> ConstructorInputs = AbiSignature.Parse("constructor(address admin, address anchorer, address registrar)").Parameters;

    /// <summary>RootAnchored(uint256 indexed batchId, bytes32 indexed root, uint64 leafCount).</summary>
    public static readonly AbiEvent RootAnchored = AbiEvent.Parse("RootAnchored(uint256 indexed batchId, bytes32 indexed root, uint64 leafCount)");

    /// <summary>IssuerKeyRegistered(bytes32 indexed organisation, address indexed key, uint64 validFromBlock).</summary>
    public static readonly AbiEvent IssuerKeyRegistered = AbiEvent.Parse("IssuerKeyRegistered(bytes32 indexed organisation, address indexed key, uint64 validFromBlock)");

    /// <summary>IssuerKeyRetired(bytes32 indexed organisation, address indexed key, uint64 validUntilBlock).</summary>
    public static readonly AbiEvent IssuerKeyRetired = AbiEvent.Parse("IssuerKeyRetired(bytes32 indexed organisation, address indexed key, uint64 validUntilBlock)");

    /// <summary>keccak256("ANCHORER_ROLE"): the role allowed to call anchor.</summary>
    public static readonly byte[] AnchorerRole = Keccak256.Hash("ANCHORER_ROLE"u8);

    /// <summary>keccak256("ISSUER_REGISTRAR_ROLE"): the role allowed to register and retire issuer keys.</summary>
    public static readonly byte[] IssuerRegistrarRole = Keccak256.Hash("ISSUER_REGISTRAR_ROLE"u8);

    /// <summary>The version() of the contract this service deploys and expects.</summary>
    public const string CurrentVersion = "2.0.0";

    /// <summary>Every revert LedgerAnchor can produce, including Solidity's built-in Error(string) and Panic(uint256).</summary>
    public static readonly IReadOnlyList<AbiError> Errors =
    [
        AbiError.Parse("LedgerAnchorZeroRoot()"),
        AbiError.Parse("LedgerAnchorEmptyBatch()"),
        AbiError.Parse("LedgerAnchorRootAlreadyAnchored(bytes32 root, uint256 batchId)"),
        AbiError.Parse("LedgerAnchorZeroIssuerKey()"),
        AbiError.Parse("AccessControlUnauthorizedAccount(address account, bytes32 neededRole)"),
        AbiError.Parse("AccessControlBadConfirmation()"),
        // From OpenZeppelin's Address library, which Multicall uses to bubble up the reverts of its calls.
        AbiError.Parse("AddressEmptyCode(address target)"),
        AbiError.Parse("FailedCall()"),
        AbiError.Parse("Error(string message)"),
        AbiError.Parse("Panic(uint256 code)"),
    ];

    /// <summary>The error named <paramref name="name"/>.</summary>
    public static AbiError Error(string name) => Errors.Single(e => e.Name == name);
}
