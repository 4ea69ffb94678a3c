using Ledger.Core.Proofs;

namespace Ledger.Api.Verification;

/// <summary>What the public learns about a record hash: it exists, who issued it, its status and where it is anchored.</summary>
/// <param name="RecordHash">The hash that was asked about.</param>
/// <param name="Status">pending, anchored or confirmed.</param>
/// <param name="Issuer">The issuing agency.</param>
/// <param name="RecordedAt">When the service accepted the record.</param>
/// <param name="Anchor">Where its batch root is on chain; null while pending.</param>
/// <param name="Links">The downloadable proof bundle.</param>
public sealed record VerificationResult(
    string RecordHash,
    string Status,
    string Issuer,
    DateTimeOffset RecordedAt,
    AnchorSection? Anchor,
    VerificationLinks Links);

/// <summary>Links from a verification result.</summary>
public sealed record VerificationLinks(string Proof);
