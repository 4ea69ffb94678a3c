using Ledger.Chain;

namespace Ledger.Verification;

/// <summary>
/// Checks a ledger-proof/v1 bundle against a chain the caller trusts, without the Ledger service: it reads the bundle
/// strictly, folds the Merkle path, asks the contract and the anchoring transaction, and checks the issuer's signature
/// against the contract's issuer registry (docs/proof-format.md §5 and §7). It is the trust boundary, so it fails
/// closed: whatever the bundle holds or the node answers, it returns one outcome with one line, never throws for them.
/// </summary>
public static class ProofVerifier
{
    /// <summary>The largest bundle read (1 MiB); a larger one is invalid. A real bundle is about 1 kB.</summary>
    public const int MaxBundleBytes = BundleReader.MaxBytes;

    /// <summary>Verifies the bundle in <paramref name="bundleUtf8"/> (UTF-8 JSON; a byte-order mark is allowed).</summary>
    /// <param name="bundleUtf8">The bundle file's bytes, as received.</param>
    /// <param name="chain">A node of the chain the bundle names, that the caller trusts.</param>
    /// <param name="options">The caller's policies; null for the defaults (any contract, signature required).</param>
    /// <param name="ct">Cancels the chain calls; a cancelled verification throws, it does not return an outcome.</param>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled.</exception>
    public static async Task<VerificationOutcome> VerifyAsync(
        ReadOnlyMemory<byte> bundleUtf8, IChainClient chain, VerifyOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(chain);
        options ??= new VerifyOptions();
        try
        {
            var reading = BundleReader.Read(bundleUtf8);
            if (reading.Bundle is not { } bundle)
            {
                return VerificationOutcome.Invalid(reading.Problem!);
            }
            var verification = new ProofVerification(chain, new IssuerCheck(options.AllowUnsigned), options.ExpectedContract);
            return await verification.CheckAsync(bundle, ct);
        }
        catch (ChainException e)
        {
            // The message names only the node's scheme, host and port, never a key in the URL's path or query.
            return VerificationOutcome.ChainUnavailable(e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Fail closed on anything unforeseen: one line and the verdict invalid, never a stack trace. The known
            // causes of bad input are refused earlier with their own message; reaching this is a bug worth reporting.
            return VerificationOutcome.Invalid($"the verifier hit an internal error and did not check this proof: {ValueText.Plain(e.Message)}");
        }
    }

    /// <summary>Verifies a bundle given as text (encoded as UTF-8 first).</summary>
    /// <inheritdoc cref="VerifyAsync(ReadOnlyMemory{byte}, IChainClient, VerifyOptions?, CancellationToken)"/>
    public static Task<VerificationOutcome> VerifyAsync(
        string bundleJson, IChainClient chain, VerifyOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(bundleJson);
        return VerifyAsync(System.Text.Encoding.UTF8.GetBytes(bundleJson), chain, options, ct);
    }
}
