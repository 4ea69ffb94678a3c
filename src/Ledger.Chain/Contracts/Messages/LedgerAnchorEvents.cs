using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Ledger.Chain.Contracts;

// LedgerAnchor's events as Nethereum event DTOs. Nethereum matches a log to an event by topic 0 and the number of
// indexed parameters only: whoever decodes one must check the log's address (LedgerAnchorContract does).

/// <summary>RootAnchored(uint256 indexed batchId, bytes32 indexed root, uint64 leafCount).</summary>
[Event("RootAnchored")]
public sealed class RootAnchoredEventDto : IEventDTO
{
    /// <summary>The batch id the contract assigned.</summary>
    [Parameter("uint256", "batchId", 1, true)]
    public BigInteger BatchId { get; set; }

    /// <summary>The anchored Merkle root.</summary>
    [Parameter("bytes32", "root", 2, true)]
    public byte[] Root { get; set; } = [];

    /// <summary>How many records the batch holds.</summary>
    [Parameter("uint64", "leafCount", 3, false)]
    public ulong LeafCount { get; set; }
}

/// <summary>IssuerKeyRegistered(bytes32 indexed organisation, address indexed key, uint64 validFromBlock).</summary>
[Event("IssuerKeyRegistered")]
public sealed class IssuerKeyRegisteredEventDto : IEventDTO
{
    /// <summary>keccak256 of the organisation id.</summary>
    [Parameter("bytes32", "organisation", 1, true)]
    public byte[] Organisation { get; set; } = [];

    /// <summary>The signing key's address.</summary>
    [Parameter("address", "key", 2, true)]
    public string Key { get; set; } = "";

    /// <summary>The block from which the key is valid.</summary>
    [Parameter("uint64", "validFromBlock", 3, false)]
    public ulong ValidFromBlock { get; set; }
}

/// <summary>IssuerKeyRetired(bytes32 indexed organisation, address indexed key, uint64 validUntilBlock).</summary>
[Event("IssuerKeyRetired")]
public sealed class IssuerKeyRetiredEventDto : IEventDTO
{
    /// <summary>keccak256 of the organisation id.</summary>
    [Parameter("bytes32", "organisation", 1, true)]
    public byte[] Organisation { get; set; } = [];

    /// <summary>The signing key's address.</summary>
    [Parameter("address", "key", 2, true)]
    public string Key { get; set; } = "";

    /// <summary>The last block in which the key is valid.</summary>
    [Parameter("uint64", "validUntilBlock", 3, false)]
    public ulong ValidUntilBlock { get; set; }
}
