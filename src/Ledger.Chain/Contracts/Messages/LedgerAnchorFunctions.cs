using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Ledger.Chain.Contracts;

// LedgerAnchor's functions as Nethereum function messages: Nethereum encodes the calldata from these attributes, and
// LedgerAnchorMessagesTests holds every one to the compiled artifact (src/Ledger.Chain/Contracts/LedgerAnchor.json).
// bytes32 values must be exactly 32 bytes: Nethereum pads shorter ones silently, so LedgerAnchorContract checks first.

/// <summary>anchor(bytes32 root, uint64 leafCount) returns (uint256 batchId).</summary>
[Function("anchor", "uint256")]
public sealed class AnchorFunction : FunctionMessage
{
    /// <summary>The Merkle root of the batch.</summary>
    [Parameter("bytes32", "root", 1)]
    public byte[] Root { get; set; } = [];

    /// <summary>How many records the batch holds.</summary>
    [Parameter("uint64", "leafCount", 2)]
    public ulong LeafCount { get; set; }
}

/// <summary>anchoredAt(bytes32 root) returns (uint64): the block timestamp, or 0 when never anchored.</summary>
[Function("anchoredAt", "uint64")]
public sealed class AnchoredAtFunction : FunctionMessage
{
    /// <summary>The Merkle root asked about.</summary>
    [Parameter("bytes32", "root", 1)]
    public byte[] Root { get; set; } = [];
}

/// <summary>batchOf(bytes32 root) returns (uint256): the batch id, or 0.</summary>
[Function("batchOf", "uint256")]
public sealed class BatchOfFunction : FunctionMessage
{
    /// <summary>The Merkle root asked about.</summary>
    [Parameter("bytes32", "root", 1)]
    public byte[] Root { get; set; } = [];
}

/// <summary>batchCount() returns (uint256).</summary>
[Function("batchCount", "uint256")]
public sealed class BatchCountFunction : FunctionMessage;

/// <summary>verify(bytes32 recordHash, bytes32[] proof, bytes32 root) returns (bool).</summary>
[Function("verify", "bool")]
public sealed class VerifyFunction : FunctionMessage
{
    /// <summary>The record hash (the Merkle leaf before leaf hashing).</summary>
    [Parameter("bytes32", "recordHash", 1)]
    public byte[] RecordHash { get; set; } = [];

    /// <summary>The sibling hashes from leaf to root.</summary>
    [Parameter("bytes32[]", "proof", 2)]
    public List<byte[]> Proof { get; set; } = [];

    /// <summary>The anchored root.</summary>
    [Parameter("bytes32", "root", 3)]
    public byte[] Root { get; set; } = [];
}

/// <summary>version() returns (string).</summary>
[Function("version", "string")]
public sealed class VersionFunction : FunctionMessage;

/// <summary>registerIssuerKey(bytes32 organisation, address key): idempotent; valid from the block it lands in.</summary>
[Function("registerIssuerKey")]
public sealed class RegisterIssuerKeyFunction : FunctionMessage
{
    /// <summary>keccak256 of the organisation id.</summary>
    [Parameter("bytes32", "organisation", 1)]
    public byte[] Organisation { get; set; } = [];

    /// <summary>The signing key's address.</summary>
    [Parameter("address", "key", 2)]
    public string Key { get; set; } = "";
}

/// <summary>retireIssuerKey(bytes32 organisation, address key): idempotent; valid up to the block it lands in.</summary>
[Function("retireIssuerKey")]
public sealed class RetireIssuerKeyFunction : FunctionMessage
{
    /// <summary>keccak256 of the organisation id.</summary>
    [Parameter("bytes32", "organisation", 1)]
    public byte[] Organisation { get; set; } = [];

    /// <summary>The signing key's address.</summary>
    [Parameter("address", "key", 2)]
    public string Key { get; set; } = "";
}

/// <summary>issuerKey(bytes32 organisation, address key) returns (uint64 validFromBlock, uint64 validUntilBlock).</summary>
[Function("issuerKey", typeof(IssuerKeyOutput))]
public sealed class IssuerKeyFunction : FunctionMessage
{
    /// <summary>keccak256 of the organisation id.</summary>
    [Parameter("bytes32", "organisation", 1)]
    public byte[] Organisation { get; set; } = [];

    /// <summary>The signing key's address.</summary>
    [Parameter("address", "key", 2)]
    public string Key { get; set; } = "";
}

/// <summary>isIssuerKeyValidAt(bytes32 organisation, address key, uint64 blockNumber) returns (bool).</summary>
[Function("isIssuerKeyValidAt", "bool")]
public sealed class IsIssuerKeyValidAtFunction : FunctionMessage
{
    /// <summary>keccak256 of the organisation id.</summary>
    [Parameter("bytes32", "organisation", 1)]
    public byte[] Organisation { get; set; } = [];

    /// <summary>The signing key's address.</summary>
    [Parameter("address", "key", 2)]
    public string Key { get; set; } = "";

    /// <summary>The block asked about.</summary>
    [Parameter("uint64", "blockNumber", 3)]
    public ulong BlockNumber { get; set; }
}

/// <summary>multicall(bytes[] data) returns (bytes[] results), from OpenZeppelin Multicall: several calls, one transaction.</summary>
[Function("multicall", "bytes[]")]
public sealed class MulticallFunction : FunctionMessage
{
    /// <summary>The calldata of each call, run in order; any revert reverts them all.</summary>
    [Parameter("bytes[]", "data", 1)]
    public List<byte[]> Data { get; set; } = [];
}

/// <summary>hasRole(bytes32 role, address account) returns (bool), from OpenZeppelin AccessControl.</summary>
[Function("hasRole", "bool")]
public sealed class HasRoleFunction : FunctionMessage
{
    /// <summary>keccak256 of the role's name.</summary>
    [Parameter("bytes32", "role", 1)]
    public byte[] Role { get; set; } = [];

    /// <summary>The account asked about.</summary>
    [Parameter("address", "account", 2)]
    public string Account { get; set; } = "";
}
