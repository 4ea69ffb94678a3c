using System.Globalization;
using Ledger.Chain;
using Ledger.Core.Encoding;
using Ledger.Core.Proofs;

namespace Ledger.Verification;

/// <summary>
/// The independent checks of a well-formed proof bundle against a chain, in order, stopping at the first that fails:
/// the Merkle path, the chain id, the contract and its anchoredAt(root) and verify(), the anchoring transaction's
/// RootAnchored log from that contract, the block, batch and time, and last the issuer (<see cref="IssuerCheck"/>).
/// </summary>
/// <param name="chain">The chain the user trusts (their own node, or providers they chose).</param>
/// <param name="issuerCheck">The last check, run once the anchor is confirmed.</param>
/// <param name="pinnedContract">The contract the user requires (<c>--contract</c>), or null to take the bundle's word.</param>
internal sealed class ProofVerification(IChainClient chain, IssuerCheck issuerCheck, string? pinnedContract)
{
    /// <summary>Checks <paramref name="bundle"/>, which <see cref="BundleReader"/> has read.</summary>
    /// <exception cref="ChainException">The chain could not be asked (unreachable, timed out, or a malformed answer).</exception>
    public async Task<VerificationOutcome> CheckAsync(ProofBundle bundle, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        if (OfflineProblem(bundle) is { } problem)
        {
            return problem;
        }
        var merkle = bundle.Merkle!;
        var anchor = bundle.Anchor!;
        var chainId = await chain.GetChainIdAsync(ct);
        if (chainId != anchor.ChainId)
        {
            return VerificationOutcome.Invalid($"the RPC endpoint serves chain {chainId}, but the proof was anchored on chain {anchor.ChainId}; ask a node of chain {anchor.ChainId}.");
        }
        if ((await chain.GetCodeAsync(anchor.Contract, ct)).Length == 0)
        {
            return VerificationOutcome.Invalid($"there is no contract at {anchor.Contract} on chain {chainId}.");
        }
        try
        {
            return await CheckOnChainAsync(bundle, merkle, anchor, new LedgerAnchorContract(chain, anchor.Contract), ct);
        }
        catch (ChainException e) when (e.Kind is ChainErrorKind.MissingContract or ChainErrorKind.Reverted || e.InnerException is FormatException)
        {
            return VerificationOutcome.Invalid($"the contract at {anchor.Contract} does not answer like a LedgerAnchor: {e.Message}");
        }
    }

    // What can be refused without the chain: a bundle that is not anchored yet, that contradicts itself, that names
    // another contract than the pinned one, or whose Merkle path does not lead to its root.
    private VerificationOutcome? OfflineProblem(ProofBundle bundle)
    {
        if (bundle.Anchor is null)
        {
            return bundle.Status is RecordStatus.Anchored or RecordStatus.Confirmed
                ? VerificationOutcome.Invalid($"the bundle says the record is {bundle.Status} but has no anchor section.")
                : VerificationOutcome.NotAnchoredYet(
                    $"the service states record {bundle.RecordHash} is {bundle.Status}, and the bundle has no anchor on chain yet; fetch the proof again in a few seconds.");
        }
        if (bundle.Merkle is null)
        {
            return VerificationOutcome.Invalid("the bundle has an anchor section but no merkle section, so nothing links the record to the anchored root.");
        }
        if (bundle.Status == RecordStatus.Pending)
        {
            return VerificationOutcome.Invalid("the bundle says the record is pending but has an anchor section.");
        }
        if (pinnedContract is not null && !EthereumAddress.AreEqual(pinnedContract, bundle.Anchor.Contract))
        {
            return VerificationOutcome.Invalid($"the proof names contract {bundle.Anchor.Contract}, but --contract requires {pinnedContract}.");
        }
        var local = ProofChecker.CheckMerkle(bundle);
        return local.IsValid
            ? null
            : VerificationOutcome.Invalid($"the Merkle proof does not lead from the record hash to the stated root ({local.Problem}).");
    }

    private async Task<VerificationOutcome> CheckOnChainAsync(
        ProofBundle bundle, MerkleSection merkle, AnchorSection anchor, LedgerAnchorContract contract, CancellationToken ct)
    {
        var root = Hex.DecodeFixed(merkle.Root, 32);
        var anchoredAt = await contract.AnchoredAtAsync(root, ct);
        if (anchoredAt == 0)
        {
            return VerificationOutcome.Invalid($"the contract {anchor.Contract} has never anchored the root {merkle.Root}.");
        }
        var proof = merkle.Proof.Select(p => Hex.DecodeFixed(p, 32)).ToList();
        if (!await contract.VerifyAsync(Hex.DecodeFixed(bundle.RecordHash, 32), proof, root, ct))
        {
            return VerificationOutcome.Invalid("the contract's own verify() rejects the record hash and proof for that root.");
        }
        var receipt = await chain.GetTransactionReceiptAsync(anchor.TxHash, ct);
        if (receipt is null)
        {
            return VerificationOutcome.Invalid($"the chain has no mined transaction {anchor.TxHash}.");
        }
        if (!receipt.Succeeded)
        {
            return VerificationOutcome.Invalid($"transaction {anchor.TxHash} reverted, so it anchored nothing.");
        }
        var anchored = contract.FindRootAnchored(receipt);
        if (anchored is null || !string.Equals(anchored.Root, merkle.Root, StringComparison.OrdinalIgnoreCase))
        {
            return VerificationOutcome.Invalid($"transaction {anchor.TxHash} has no RootAnchored event for this root emitted by {anchor.Contract}.");
        }
        var batchId = anchored.BatchId.ToString(CultureInfo.InvariantCulture);
        if (batchId != anchor.BatchId || receipt.BlockNumber != anchor.BlockNumber
            || !string.Equals(receipt.BlockHash, anchor.BlockHash, StringComparison.OrdinalIgnoreCase))
        {
            return VerificationOutcome.Invalid($"the proof's batch or block (batch {anchor.BatchId}, block {anchor.BlockNumber} {anchor.BlockHash}) differs from the chain's (batch {batchId}, block {receipt.BlockNumber} {receipt.BlockHash}).");
        }
        if (anchoredAt != anchor.Timestamp)
        {
            return VerificationOutcome.Invalid($"the chain says the root was anchored at {anchoredAt}, the proof says {anchor.Timestamp}.");
        }
        var confirmed = new ConfirmedAnchor(anchor.ChainId, contract.Address, merkle.Root, anchored.BatchId, anchor.TxHash,
            receipt.BlockNumber, receipt.BlockHash, anchoredAt);
        var issuer = await issuerCheck.CheckAsync(bundle, confirmed, chain, ct);
        return issuer.Refusal ?? VerificationOutcome.Valid(Describe(bundle, confirmed) + " " + issuer.Sentence + StatusClaim.Sentence(bundle.Status));
    }

    private string Describe(ProofBundle bundle, ConfirmedAnchor anchor)
    {
        // A contract that is not the ledger's can return any time; past year 9999 it is shown as a number.
        var when = anchor.Timestamp <= DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            ? DateTimeOffset.FromUnixTimeSeconds(anchor.Timestamp).ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)
            : $"Unix time {anchor.Timestamp}";
        var contract = pinnedContract is null
            ? $"contract {anchor.Contract} (named by the proof; require the ledger's published address with --contract)"
            : $"contract {anchor.Contract} (as required by --contract)";
        return $"anchored at {when}: record {bundle.RecordHash} is in root {anchor.Root}, batch {anchor.BatchId}, block {anchor.BlockNumber}, "
            + $"tx {anchor.TxHash}, {contract} on chain {anchor.ChainId}.";
    }
}
