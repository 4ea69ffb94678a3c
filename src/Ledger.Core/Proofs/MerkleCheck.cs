namespace Ledger.Core.Proofs;

/// <summary>The outcome of checking a bundle's Merkle path: valid, or the one reason it is not.</summary>
/// <param name="IsValid">True when the path leads from the record hash to the stated root.</param>
/// <param name="ComputedRoot">The root the path actually leads to, when it could be computed.</param>
/// <param name="Problem">Why the check failed, in words for a person; null when valid.</param>
public sealed record MerkleCheck(bool IsValid, string? ComputedRoot, string? Problem);
