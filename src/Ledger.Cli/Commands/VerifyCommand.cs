using Ledger.Chain;
using Ledger.Verification;

namespace Ledger.Cli.Commands;

/// <summary>
/// <c>ledger verify &lt;proof.json&gt; --rpc &lt;url&gt;</c>: checks a proof bundle against the chain alone, without
/// the Ledger service, through <see cref="ProofVerifier"/> (the trust boundary). Whatever the bundle holds, it ends with
/// one of the documented exit codes and one line saying why, never with a crash.
/// </summary>
internal static class VerifyCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var arguments = VerifyArguments.Parse(args);
        var bundle = await InputFile.ReadBytesAsync(arguments.ProofPath, ProofVerifier.MaxBundleBytes);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var chain = new JsonRpcChainClient(http, arguments.Rpc);
        var options = new VerifyOptions { ExpectedContract = arguments.Contract, AllowUnsigned = arguments.AllowUnsigned };
        var outcome = await ProofVerifier.VerifyAsync(bundle, chain, options, CancellationToken.None);
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
}
