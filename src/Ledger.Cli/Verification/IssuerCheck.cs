using Ledger.Chain;
using Ledger.Chain.Attestation;
using Ledger.Core.Encoding;
using Ledger.Core.Proofs;

namespace Ledger.Cli.Verification;

/// <summary>
/// Decides whether the record's issuer is proven. It runs only after the anchor is confirmed on chain, so it can ask
/// the chain about the issuer as of the anchoring block.
/// </summary>
/// <remarks>
/// Today a signature that recovers to <c>issuer.address</c> is accepted, and that the key belongs to
/// <c>issuer.organisation</c> is reported as the service's claim. The on-chain issuer registry plugs in at the marked
/// point: look the signer up as of <see cref="ConfirmedAnchor.BlockNumber"/> through <see cref="ConfirmedAnchor.Contract"/>
/// and return <see cref="IssuerVerdict.NotProven"/> for a key that was not registered for the organisation then.
/// </remarks>
/// <param name="allowUnsigned">Accept a bundle without an issuer signature (<c>--allow-unsigned</c>), saying the issuer is unproven.</param>
internal sealed class IssuerCheck(bool allowUnsigned)
{
    /// <summary>Checks the issuer of <paramref name="bundle"/>, whose anchor the chain has confirmed as <paramref name="anchor"/>.</summary>
    public Task<IssuerVerdict> CheckAsync(ProofBundle bundle, ConfirmedAnchor anchor, IChainClient chain, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(anchor);
        ArgumentNullException.ThrowIfNull(chain);
        if (bundle.Issuer is not { } issuer)
        {
            return Task.FromResult(allowUnsigned
                ? IssuerVerdict.Accepted("The proof has no issuer signature, so who issued the record is unproven (accepted with --allow-unsigned).")
                : IssuerVerdict.NotProven(
                    $"the proof has no issuer signature, so nothing shows who issued record {bundle.RecordHash}, although its anchor checks out "
                    + $"(root {anchor.Root}, block {anchor.BlockNumber} on chain {anchor.ChainId}). "
                    + "To accept a record without an issuer signature, run again with --allow-unsigned."));
        }
        if (!IssuerSignature.TryRecover(Hex.Decode(bundle.RecordHash), issuer.Signature, out var signer))
        {
            return Task.FromResult(IssuerVerdict.Invalid(
                "issuer.signature is not a canonical signature (r ‖ s ‖ v with v 27 or 28 and s in the lower half of the curve order)."));
        }
        if (!EthereumAddress.AreEqual(signer, issuer.Address))
        {
            return Task.FromResult(IssuerVerdict.Invalid(
                $"the issuer signature does not match: over record {bundle.RecordHash} it recovers to {signer}, not to issuer.address {issuer.Address}."));
        }
        // The issuer registry lookup goes here (see the remarks); until then the key's owner is the service's word.
        return Task.FromResult(IssuerVerdict.Accepted(
            $"Signed by {issuer.Address}; that this key is {ValueText.Quote(issuer.Organisation)}'s is the service's claim, not checked."));
    }
}
