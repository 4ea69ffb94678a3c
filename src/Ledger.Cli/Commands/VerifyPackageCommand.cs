using System.CommandLine;
using Ledger.Chain;
using Ledger.Cli.CommandLine;
using Ledger.Verification;
using Ledger.Verification.Evidence;

namespace Ledger.Cli.Commands;

/// <summary>
/// <c>ledger verify-package &lt;package.zip&gt; --rpc &lt;url&gt;</c>: checks a community-correction evidence package
/// against the chain alone, without the Ledger service (<see cref="EvidencePackageVerifier"/>), printing a verdict per
/// record and per check, then one for the whole package, with the exit codes of <c>ledger verify</c>.
/// </summary>
internal sealed class VerifyPackageCommand : LedgerCommand
{
    private const int MaxPackageBytes = 512 << 20;

    private readonly Argument<string> _package = Symbols.InputFile("package.zip", "The evidence package (\"-\" reads standard input).");

    private readonly RequiredOption<Uri> _rpc = new("--rpc", "url", "http://127.0.0.1:8545",
        "A JSON-RPC endpoint of the chain the package's proofs name, that you trust (http or https).")
    {
        CustomParser = VerifyCommand.RpcUrl,
    };

    private readonly Option<string?> _contract = new("--contract")
    {
        HelpName = "address",
        Description = "Require this LedgerAnchor (the ledger's published address), not the proofs' word.",
        CustomParser = VerifyCommand.ContractAddress,
    };

    private readonly Option<bool> _allowUnsigned = Symbols.Flag("--allow-unsigned",
        "Accept records without an issuer signature (their issuer is then reported unproven).");

    private readonly Option<string?> _eventProof = Symbols.Optional("--event-proof", "proof.json",
        "The package event's proof bundle (GET /api/v1/proofs/<its hash>), for a package that does not hold it yet; checked instead of the one inside.");

    public VerifyPackageCommand() : base("verify-package",
        "Check a community-correction evidence package against the chain alone: every file, record, proof, chain link and alert.")
    {
        Arguments.Add(_package);
        Options.Add(_rpc);
        Options.Add(_contract);
        Options.Add(_allowUnsigned);
        Options.Add(_eventProof);
    }

    /// <inheritdoc />
    public override string HelpEpilogue => $"""
        Checked: every file against the manifest's SHA-256 (and no file beyond it); every record's envelope against its
        hash and its case, and its proof against the chain as `ledger verify` does (Merkle path, anchor, issuer signature
        and registry); the completeness chain from the case's opening to the last record, so that a record dropped,
        added or reordered is found; the anchoring transactions' signed bytes and receipts; the alerts, computed again
        from the records; and that the package event commits to this manifest and is on chain (its proof is inside a
        package as the service hands it out), which shows what was handed out and when, so nothing was cut off the end.
        Any mismatch makes the whole package invalid; a package without the event's proof is not complete (exit 4).

        {CliApp.ExitCodeTable}
        """;

    protected override async Task<int> RunAsync(ParseResult result, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var bytes = await InputFile.ReadBytesAsync(result.GetRequiredValue(_package), MaxPackageBytes);
        if (bytes.Length > MaxPackageBytes)
        {
            await error.WriteLineAsync($"invalid: the package is larger than {MaxPackageBytes >> 20} MiB, more than any evidence package.");
            return CliApp.Invalid;
        }
        var eventProof = result.GetValue(_eventProof) is { } path ? await InputFile.ReadBytesAsync(path, ProofVerifier.MaxBundleBytes) : null;
        var options = new VerifyOptions { ExpectedContract = result.GetValue(_contract), AllowUnsigned = result.GetValue(_allowUnsigned) };
        return await CheckAsync(bytes, result.GetRequiredValue(_rpc), options, eventProof, output, error, ct);
    }

    /// <summary>Checks the package <paramref name="package"/> against the chain at <paramref name="rpc"/>, prints every verdict and returns the exit code.</summary>
    internal static async Task<int> CheckAsync(byte[] package, Uri rpc, VerifyOptions options, byte[]? eventProof, TextWriter output, TextWriter error, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var chain = new JsonRpcChainClient(http, rpc);
        using var zip = new MemoryStream(package, writable: false);
        var verification = await EvidencePackageVerifier.VerifyAsync(zip, chain, options, eventProof, ct);
        foreach (var line in verification.Lines)
        {
            await output.WriteLineAsync(line);
        }
        await (verification.IsValid ? output : error).WriteLineAsync(verification.Summary);
        return VerifyCommand.ExitCode(verification.Kind);
    }
}
