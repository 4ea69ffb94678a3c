using Ledger.Chain;
using Ledger.Chain.Attestation;
using Ledger.Core.Encoding;
using Ledger.Core.Proofs;

namespace Ledger.Verification;

/// <summary>
/// Decides whether the record's issuer is proven. It runs only after the anchor is confirmed on chain, so it can ask
/// the contract's issuer registry whether the signing key was registered for the stated organisation in the block that
/// anchored the record: the binding of key to organisation is then the chain's, not the service's word.
/// </summary>
/// <param name="allowUnsigned">Accept a bundle without an issuer signature (<c>--allow-unsigned</c>), saying the issuer is unproven.</param>
internal sealed class IssuerCheck(bool allowUnsigned)
{
    /// <summary>Checks the issuer of <paramref name="bundle"/>, whose anchor the chain has confirmed as <paramref name="anchor"/>.</summary>
    public async Task<IssuerVerdict> CheckAsync(ProofBundle bundle, ConfirmedAnchor anchor, IChainClient chain, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(anchor);
        ArgumentNullException.ThrowIfNull(chain);
        if (bundle.Issuer is not { } issuer)
        {
            return allowUnsigned
                ? IssuerVerdict.Accepted("The proof has no issuer signature, so who issued the record is unproven (accepted with --allow-unsigned).")
                : IssuerVerdict.NotProven(
                    $"the proof has no issuer signature, so nothing shows who issued record {bundle.RecordHash}, although its anchor checks out "
                    + $"(root {anchor.Root}, block {anchor.BlockNumber} on chain {anchor.ChainId}). "
                    + "To accept a record without an issuer signature, run again with --allow-unsigned.");
        }
        if (!IssuerSignature.TryRecover(Hex.Decode(bundle.RecordHash), issuer.Signature, out var signer))
        {
            return IssuerVerdict.Invalid(
                "issuer.signature is not a canonical signature (r ‖ s ‖ v with v 27 or 28 and s in the lower half of the curve order).");
        }
        if (!EthereumAddress.AreEqual(signer, issuer.Address))
        {
            return IssuerVerdict.Invalid(
                $"the issuer signature does not match: over record {bundle.RecordHash} it recovers to {signer}, not to issuer.address {issuer.Address}.");
        }
        return await RegisteredAsync(issuer.Organisation, signer, anchor, chain, ct);
    }

    private static async Task<IssuerVerdict> RegisteredAsync(string organisation, string signer, ConfirmedAnchor anchor, IChainClient chain, CancellationToken ct)
    {
        var contract = new LedgerAnchorContract(chain, anchor.Contract);
        var quoted = ValueText.Quote(organisation);
        IssuerKeyValidity validity;
        bool validAtAnchor;
        try
        {
            validity = await contract.IssuerKeyAsync(organisation, signer, ct);
            validAtAnchor = await contract.IsIssuerKeyValidAtAsync(organisation, signer, anchor.BlockNumber, ct);
        }
        catch (ChainException e) when (e.Kind is ChainErrorKind.Reverted or ChainErrorKind.MissingContract || (e.Kind == ChainErrorKind.RpcError && e.InnerException is FormatException))
        {
            return IssuerVerdict.NotProven(
                $"signed by {signer}, but the contract {anchor.Contract} has no issuer registry (LedgerAnchor before 2.0.0), so nothing on chain shows the key is {quoted}'s. "
                + "Fetch the proof again from the service: its records are anchored again on a contract with the registry.");
        }
        // Both answers come from the contract; they can only disagree if it is not a genuine LedgerAnchor.
        if (!validity.IsRegistered || !validAtAnchor || !validity.CoversBlock(anchor.BlockNumber))
        {
            var registered = validity.IsRegistered
                ? $"it was registered for {quoted} from block {validity.ValidFromBlock}{Until(validity)}, but the record was anchored in block {anchor.BlockNumber}"
                : $"the issuer registry of {anchor.Contract} has no such key for {quoted}";
            return IssuerVerdict.NotProven($"signed by an unregistered key: the signature recovers to {signer}, and {registered}.");
        }
        return IssuerVerdict.Accepted(
            $"Signed by {quoted} ({signer}), a key registered for it on chain from block {validity.ValidFromBlock}{Until(validity)}.");
    }

    private static string Until(IssuerKeyValidity validity) =>
        validity.ValidUntilBlock == 0 ? "" : $" to block {validity.ValidUntilBlock}";
}
