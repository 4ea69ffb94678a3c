using System.Text.Json;
using Ledger.Api.Chain;
using Ledger.Chain;
using Ledger.Core.Encoding;
using Ledger.Core.Proofs;
using Ledger.Core.Records.Types.CommunityCorrection.Evidence;
using Ledger.Data;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Correction;

/// <summary>
/// The anchoring transactions of an evidence package's records: each one's signed bytes, as the service keeps them
/// (their keccak-256 is the transaction's hash), and its receipt as the chain gives it now — or none while the chain is
/// away; the checker asks the chain for it anyway.
/// </summary>
internal sealed class AnchoringEvidence(LedgerDbContext db, ChainRuntime chain, ILogger<AnchoringEvidence> log)
{
    /// <summary>One file per distinct anchoring transaction of <paramref name="proofs"/>.</summary>
    public async Task<IReadOnlyList<(string Path, byte[] Content)>> FilesAsync(IEnumerable<ProofBundle> proofs, CancellationToken ct)
    {
        var files = new List<(string, byte[])>();
        foreach (var txHash in proofs.Select(p => p.Anchor?.TxHash).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            var raw = await db.BatchTransactions.AsNoTracking().Where(t => t.TxHash == txHash).Select(t => t.RawTransaction).FirstOrDefaultAsync(ct)
                ?? await db.Batches.AsNoTracking().Where(b => b.TxHash == txHash).Select(b => b.RawTransaction).FirstOrDefaultAsync(ct);
            var anchoring = new EvidenceAnchoring(txHash, raw, await ReceiptAsync(txHash, ct));
            files.Add((EvidenceLayout.Anchoring(txHash), JsonSerializer.SerializeToUtf8Bytes(anchoring, EvidenceManifest.Json)));
        }
        return files;
    }

    private async Task<EvidenceReceipt?> ReceiptAsync(string txHash, CancellationToken ct)
    {
        if (chain.Current is not { } connected)
        {
            return null;
        }
        try
        {
            return await connected.Client.GetTransactionReceiptAsync(txHash, ct) is { } receipt
                ? new EvidenceReceipt(receipt.BlockNumber, receipt.BlockHash, receipt.Succeeded,
                    [.. receipt.Logs.Select(l => new EvidenceLog(l.Address, l.Topics, Hex.Encode(l.Data)))])
                : null;
        }
        catch (ChainException e)
        {
            log.LogWarning("An evidence package was made without the receipt of {TxHash}: {Reason}", txHash, e.Message);
            return null;
        }
    }
}
