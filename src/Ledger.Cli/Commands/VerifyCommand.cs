using System.CommandLine;
using System.CommandLine.Parsing;
using Ledger.Chain;
using Ledger.Cli.CommandLine;
using Ledger.Verification;

namespace Ledger.Cli.Commands;

/// <summary>
/// <c>ledger verify &lt;proof.json&gt; --rpc &lt;url&gt;</c>: checks a proof bundle against the chain alone, without
/// the Ledger service, through <see cref="ProofVerifier"/> (the trust boundary). Whatever the bundle holds, it ends with
/// one of the documented exit codes and one line saying why, never with a crash.
/// </summary>
internal sealed class VerifyCommand : LedgerCommand
{
    private readonly Argument<string> _proof = Symbols.InputFile("proof.json", "The ledger-proof/v1 bundle (\"-\" reads standard input).");

    private readonly RequiredOption<Uri> _rpc = new("--rpc", "url", "http://127.0.0.1:8545",
        "A JSON-RPC endpoint of the chain the proof names, that you trust (http or https).")
    {
        CustomParser = RpcUrl,
    };

    private readonly Option<string?> _contract = new("--contract")
    {
        HelpName = "address",
        Description = "Require this LedgerAnchor (the ledger's published address), not the proof's word.",
        CustomParser = ContractAddress,
    };

    private readonly Option<bool> _allowUnsigned = Symbols.Flag("--allow-unsigned",
        "Accept a proof without an issuer signature (the issuer is then reported unproven).");

    public VerifyCommand() : base("verify",
        "Check a proof bundle against the chain alone, without the Ledger service. One line says why; see docs/proof-format.md §7.")
    {
        Arguments.Add(_proof);
        Options.Add(_rpc);
        Options.Add(_contract);
        Options.Add(_allowUnsigned);
    }

    /// <inheritdoc />
    public override string HelpEpilogue => $"""
        Checked: the bundle's form, the Merkle path, the chain id, the contract's anchoredAt(root) and verify(), the
        anchoring transaction's RootAnchored log from that contract, block, batch and time, the issuer's signature over
        the record hash, and that the contract's issuer registry had that key for the stated organisation when the record
        was anchored. Not checked, and reported as claims: the status (superseded, revoked, erased) and, without --contract, whether
        the contract is the ledger's.

        {CliApp.ExitCodeTable}
        """;

    protected override async Task<int> RunAsync(ParseResult result, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var bundle = await InputFile.ReadBytesAsync(result.GetRequiredValue(_proof), ProofVerifier.MaxBundleBytes);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var chain = new JsonRpcChainClient(http, result.GetRequiredValue(_rpc));
        var options = new VerifyOptions { ExpectedContract = result.GetValue(_contract), AllowUnsigned = result.GetValue(_allowUnsigned) };
        var outcome = await ProofVerifier.VerifyAsync(bundle, chain, options, ct);
        await (outcome.IsValid ? output : error).WriteLineAsync(outcome.Message);
        return ExitCode(outcome.Kind);
    }

    /// <summary>The documented exit code of each verdict (docs/proof-format.md §7).</summary>
    public static int ExitCode(VerificationKind kind) => kind switch
    {
        VerificationKind.Valid => CliApp.Valid,
        VerificationKind.Invalid => CliApp.Invalid,
        VerificationKind.ChainUnavailable => CliApp.Unavailable,
        VerificationKind.NotAnchoredYet => CliApp.NotAnchored,
        VerificationKind.IssuerNotProven => CliApp.IssuerNotProven,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A verdict without an exit code."),
    };

    internal static Uri? RpcUrl(ArgumentResult result)
    {
        var text = result.Tokens[0].Value;
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return uri;
        }
        result.AddError("--rpc must be an http(s) URL.");
        return null;
    }

    internal static string? ContractAddress(ArgumentResult result)
    {
        try
        {
            return EthereumAddress.Normalize(result.Tokens[0].Value);
        }
        catch (FormatException e)
        {
            result.AddError($"--contract: {e.Message}");
            return null;
        }
    }
}
