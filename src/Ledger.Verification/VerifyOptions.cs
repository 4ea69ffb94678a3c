using Ledger.Chain;

namespace Ledger.Verification;

/// <summary>The two policies a verifying party chooses: which contract it trusts, and whether an unsigned record will do.</summary>
/// <remarks>Outcome messages name them as <c>ledger verify</c> spells them: <c>--contract</c> and <c>--allow-unsigned</c>.</remarks>
public sealed record VerifyOptions
{
    private readonly string? _expectedContract;

    /// <summary>
    /// The LedgerAnchor the proof must name (the ledger's published address), or null to take the proof's word and say
    /// so. Stored in EIP-55 form.
    /// </summary>
    /// <exception cref="FormatException">The value is not an address (or a mixed-case one with a wrong checksum).</exception>
    public string? ExpectedContract
    {
        get => _expectedContract;
        init => _expectedContract = value is null ? null : EthereumAddress.Normalize(value);
    }

    /// <summary>Accept a bundle without an issuer signature; the issuer is then reported unproven.</summary>
    public bool AllowUnsigned { get; init; }
}
