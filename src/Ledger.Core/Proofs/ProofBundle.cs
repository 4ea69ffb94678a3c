namespace Ledger.Core.Proofs;

/// <summary>
/// A self-contained proof that a record hash was anchored on chain (format <c>ledger-proof/v1</c>, see
/// docs/proof-format.md). It carries no payload, so it can be published and kept by anyone.
/// </summary>
public sealed record ProofBundle
{
    /// <summary>The format identifier every v1 bundle carries.</summary>
    public const string CurrentFormat = "ledger-proof/v1";

    /// <summary>Always <see cref="CurrentFormat"/> for bundles this version writes.</summary>
    public required string Format { get; init; }

    /// <summary>The record's salted commitment, 0x-prefixed keccak-256.</summary>
    public required string RecordHash { get; init; }

    /// <summary>pending, anchored, confirmed, superseded, revoked or erased (see <see cref="RecordStatus"/>).</summary>
    public required string Status { get; init; }

    /// <summary>The Merkle path from the record's leaf to the anchored root; null while pending.</summary>
    public MerkleSection? Merkle { get; init; }

    /// <summary>Where the root sits on chain; null while pending.</summary>
    public AnchorSection? Anchor { get; init; }

    /// <summary>
    /// The issuing organisation's EIP-191 signature over the record hash; null for records stored before the ledger
    /// signed them. Optional in ledger-proof/v1: verifiers that do not know it may ignore it.
    /// </summary>
    public IssuerSection? Issuer { get; init; }
}

/// <summary>Who issued a record and their signature over its hash.</summary>
/// <param name="Organisation">The issuing organisation's id (the envelope's <c>issuer</c>).</param>
/// <param name="Address">The organisation's signing address (EIP-55), which the signature must recover to.</param>
/// <param name="Signature">EIP-191 personal_sign over the 32 raw bytes of the record hash: 0x + r ‖ s ‖ v (65 bytes, v 27 or 28, low s).</param>
public sealed record IssuerSection(string Organisation, string Address, string Signature);

/// <summary>The Merkle part of a proof: the root and the sibling hashes from leaf to root.</summary>
public sealed record MerkleSection(string Root, IReadOnlyList<string> Proof);

/// <summary>The on-chain part of a proof.</summary>
/// <param name="ChainId">EIP-155 chain id.</param>
/// <param name="Contract">LedgerAnchor contract address.</param>
/// <param name="TxHash">The anchoring transaction.</param>
/// <param name="BlockNumber">The block that included it.</param>
/// <param name="BlockHash">That block's hash, to detect reorgs.</param>
/// <param name="BatchId">The contract's batch id from the RootAnchored event (decimal text of a uint256).</param>
/// <param name="Timestamp">The block timestamp in Unix seconds, as returned by anchoredAt(root).</param>
public sealed record AnchorSection(
    ulong ChainId,
    string Contract,
    string TxHash,
    ulong BlockNumber,
    string BlockHash,
    string BatchId,
    long Timestamp);

/// <summary>The plain lifecycle of a record, as users see it.</summary>
public static class RecordStatus
{
    /// <summary>Accepted and durable, not yet in an anchored batch.</summary>
    public const string Pending = "pending";
    /// <summary>In a batch whose root was included in a block.</summary>
    public const string Anchored = "anchored";
    /// <summary>That block is the configured number of confirmations deep and still canonical.</summary>
    public const string Confirmed = "confirmed";
    /// <summary>Withdrawn by its issuer with an anchored revocation record; the hash and proof still verify.</summary>
    public const string Revoked = "revoked";
    /// <summary>Replaced by a correction: a newer record of the same type whose envelope names it; the hash and proof still verify.</summary>
    public const string Superseded = "superseded";
    /// <summary>Payload destroyed; the commitment and proof still verify.</summary>
    public const string Erased = "erased";
}
