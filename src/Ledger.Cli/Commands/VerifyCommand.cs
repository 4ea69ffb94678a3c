using System.Globalization;
using System.Text.Json;
using Ledger.Chain;
using Ledger.Chain.Attestation;
using Ledger.Core.Encoding;
using Ledger.Core.Proofs;

namespace Ledger.Cli.Commands;

/// <summary>
/// <c>ledger verify &lt;proof.json&gt; --rpc &lt;url&gt;</c>: checks a proof bundle against the chain alone, without
/// the Ledger service. Every check names what failed, so a user can tell a tampered hash from a wrong contract.
/// </summary>
internal static class VerifyCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var (path, rpc) = ParseArguments(args);
        var bundle = ReadBundle(await InputFile.ReadAsync(path), out var readProblem);
        if (bundle is null)
        {
            await error.WriteLineAsync($"invalid: {readProblem}");
            return CliApp.Invalid;
        }
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var chain = new JsonRpcChainClient(http, rpc);
        try
        {
            var verdict = await ProofVerification.CheckAsync(bundle, chain, CancellationToken.None);
            await (verdict.IsValid ? output : error).WriteLineAsync(verdict.Message);
            return verdict.IsValid ? 0 : CliApp.Invalid;
        }
        catch (ChainException e) when (e.Kind is ChainErrorKind.Unreachable or ChainErrorKind.RpcError or ChainErrorKind.Timeout)
        {
            await error.WriteLineAsync($"error: could not ask the chain at {rpc}: {e.Message}");
            return CliApp.Unavailable;
        }
    }

    private static (string Path, Uri Rpc) ParseArguments(string[] args)
    {
        string? path = null;
        string? rpc = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--rpc" && i + 1 < args.Length)
            {
                rpc = args[++i];
            }
            else if (path is null && !args[i].StartsWith("--", StringComparison.Ordinal))
            {
                path = args[i];
            }
            else
            {
                throw new UsageException($"Unexpected argument '{args[i]}'.");
            }
        }
        if (path is null || rpc is null)
        {
            throw new UsageException("verify needs a proof file and --rpc <url>.");
        }
        if (!Uri.TryCreate(rpc, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
        {
            throw new UsageException($"--rpc must be an http(s) URL, not '{rpc}'.");
        }
        return (path, uri);
    }

    private static ProofBundle? ReadBundle(string text, out string? problem)
    {
        try
        {
            var bundle = JsonSerializer.Deserialize<ProofBundle>(text, JsonSerializerOptions.Web);
            problem = bundle?.Format == ProofBundle.CurrentFormat ? null : $"not a {ProofBundle.CurrentFormat} proof bundle.";
            return problem is null ? bundle : null;
        }
        catch (JsonException e)
        {
            problem = $"the proof file is not valid proof JSON ({e.Message}).";
            return null;
        }
    }
}

/// <summary>The outcome of checking a proof: valid or not, and a sentence saying why.</summary>
public sealed record ProofVerdict(bool IsValid, string Message)
{
    public static ProofVerdict Invalid(string reason) => new(false, "invalid: " + reason);
}

/// <summary>The independent checks of a proof bundle against a chain.</summary>
public static class ProofVerification
{
    /// <summary>Runs every check in order and stops at the first that fails.</summary>
    public static async Task<ProofVerdict> CheckAsync(ProofBundle bundle, IChainClient chain, CancellationToken ct)
    {
        if (bundle.Merkle is not { } merkle || bundle.Anchor is not { } anchor)
        {
            return ProofVerdict.Invalid($"the record is {bundle.Status}; its proof has no anchor yet. Fetch the proof again once it is anchored.");
        }
        var local = ProofChecker.CheckMerkle(bundle);
        if (!local.IsValid)
        {
            return ProofVerdict.Invalid($"the Merkle proof does not lead from the record hash to the stated root ({local.Problem}).");
        }
        if (IssuerProblem(bundle) is { } issuerProblem)
        {
            return ProofVerdict.Invalid(issuerProblem);
        }
        var chainId = await chain.GetChainIdAsync(ct);
        if (chainId != anchor.ChainId)
        {
            return ProofVerdict.Invalid($"the RPC endpoint serves chain {chainId}, but the proof was anchored on chain {anchor.ChainId}.");
        }
        if (!Hex.IsFixed(anchor.Contract, 20) || (await chain.GetCodeAsync(anchor.Contract, ct)).Length == 0)
        {
            return ProofVerdict.Invalid($"there is no contract at {anchor.Contract} on chain {chainId}.");
        }
        var contract = new LedgerAnchorContract(chain, anchor.Contract);
        var root = Hex.DecodeFixed(merkle.Root, 32);
        var anchoredAt = await contract.AnchoredAtAsync(root, ct);
        if (anchoredAt == 0)
        {
            return ProofVerdict.Invalid($"the contract {anchor.Contract} has never anchored the root {merkle.Root}.");
        }
        var proof = merkle.Proof.Select(p => Hex.DecodeFixed(p, 32)).ToList();
        if (!await contract.VerifyAsync(Hex.DecodeFixed(bundle.RecordHash, 32), proof, root, ct))
        {
            return ProofVerdict.Invalid("the contract's own verify() rejects the record hash and proof for that root.");
        }
        var receipt = await chain.GetTransactionReceiptAsync(anchor.TxHash, ct);
        if (receipt is null)
        {
            return ProofVerdict.Invalid($"the chain has no receipt for the anchoring transaction {anchor.TxHash}.");
        }
        var anchored = contract.FindRootAnchored(receipt);
        if (anchored is null || !string.Equals(anchored.Root, merkle.Root, StringComparison.OrdinalIgnoreCase))
        {
            return ProofVerdict.Invalid($"transaction {anchor.TxHash} has no RootAnchored event for this root emitted by {anchor.Contract}.");
        }
        if (anchored.BatchId.ToString(CultureInfo.InvariantCulture) != anchor.BatchId || receipt.BlockNumber != anchor.BlockNumber
            || !string.Equals(receipt.BlockHash, anchor.BlockHash, StringComparison.OrdinalIgnoreCase))
        {
            return ProofVerdict.Invalid($"the proof's batch or block (batch {anchor.BatchId}, block {anchor.BlockNumber}) differs from the chain's (batch {anchored.BatchId}, block {receipt.BlockNumber} {receipt.BlockHash}).");
        }
        if (anchoredAt != anchor.Timestamp)
        {
            return ProofVerdict.Invalid($"the chain says the root was anchored at {anchoredAt}, the proof says {anchor.Timestamp}.");
        }
        var when = DateTimeOffset.FromUnixTimeSeconds(anchoredAt).ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
        var signedBy = bundle.Issuer is { } issuer ? $" Signed by {issuer.Organisation} ({issuer.Address})." : " No issuer signature in the proof.";
        var erased = bundle.Status == RecordStatus.Erased ? " Its payload has been erased; the commitment still stands." : "";
        return new ProofVerdict(true,
            $"valid, anchored at {when}: record {bundle.RecordHash} is in root {merkle.Root}, batch {anchor.BatchId}, block {receipt.BlockNumber}, tx {anchor.TxHash}, contract {anchor.Contract} on chain {chainId}.{signedBy}{erased}");
    }

    // The issuer's EIP-191 signature must recover to the stated address; a proof that carries a bad one is not valid.
    private static string? IssuerProblem(ProofBundle bundle)
    {
        if (bundle.Issuer is not { } issuer)
        {
            return null;
        }
        if (!EthereumAddress.IsValid(issuer.Address))
        {
            return $"the issuer address '{issuer.Address}' is not an Ethereum address.";
        }
        return IssuerSignature.Verify(Hex.DecodeFixed(bundle.RecordHash, 32), issuer.Signature, issuer.Address)
            ? null
            : $"the issuer signature is not {issuer.Organisation}'s ({issuer.Address}) signature over record {bundle.RecordHash}.";
    }
}
