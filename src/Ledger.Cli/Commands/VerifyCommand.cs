using Ledger.Chain;
using Ledger.Cli.Verification;

namespace Ledger.Cli.Commands;

/// <summary>
/// <c>ledger verify &lt;proof.json&gt; --rpc &lt;url&gt;</c>: checks a proof bundle against the chain alone, without
/// the Ledger service. It is the trust boundary, so it fails closed: whatever the bundle holds, it ends with one of the
/// documented exit codes and one line saying why, never with a crash.
/// </summary>
internal static class VerifyCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var arguments = VerifyArguments.Parse(args);
        var bundle = await InputFile.ReadBytesAsync(arguments.ProofPath, BundleReader.MaxBytes);
        var outcome = await OutcomeAsync(arguments, bundle);
        await (outcome.IsValid ? output : error).WriteLineAsync(ValueText.OneLine(outcome.Message));
        return outcome.ExitCode;
    }

    private static async Task<VerifyOutcome> OutcomeAsync(VerifyArguments arguments, byte[] bundleBytes)
    {
        try
        {
            var reading = BundleReader.Read(bundleBytes);
            if (reading.Bundle is not { } bundle)
            {
                return VerifyOutcome.Invalid(reading.Problem!);
            }
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var chain = new JsonRpcChainClient(http, arguments.Rpc);
            var verification = new ProofVerification(chain, new IssuerCheck(arguments.AllowUnsigned), arguments.Contract);
            return await verification.CheckAsync(bundle, CancellationToken.None);
        }
        catch (ChainException e)
        {
            // The message names only the node's scheme, host and port, never a key in the URL's path or query.
            return VerifyOutcome.ChainUnavailable(e.Message);
        }
        catch (Exception e)
        {
            // Fail closed on anything unforeseen: one line and exit 1, never a stack trace. The known causes of bad
            // input are refused earlier with their own message; reaching this is a bug worth reporting.
            return VerifyOutcome.Invalid($"the verifier hit an internal error and did not check this proof: {ValueText.Plain(e.Message)}");
        }
    }
}
