using System.Text;
using System.Text.Json.Nodes;
using Ledger.Chain;
using Ledger.Testing;

namespace Ledger.Verification.Tests;

/// <summary>Runs the verifier library on a bundle against the fixture's chain, as `ledger verify` does.</summary>
internal static class VerifierRun
{
    /// <summary>Verifies <paramref name="bundle"/> as the JSON text it serialises to.</summary>
    public static Task<VerificationOutcome> VerifyAsync(this AnchoredBundles bundles, JsonNode bundle, VerifyOptions? options = null) =>
        bundles.VerifyAsync(Encoding.UTF8.GetBytes(bundle.ToJsonString()), options);

    /// <summary>Verifies a proof file holding exactly <paramref name="bytes"/>.</summary>
    public static async Task<VerificationOutcome> VerifyAsync(this AnchoredBundles bundles, byte[] bytes, VerifyOptions? options = null)
    {
        // One HTTP client per chain client, as a verifier run has: a JSON-RPC client may adopt the HttpClient it is given.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        return await ProofVerifier.VerifyAsync(bytes, new JsonRpcChainClient(http, bundles.Node.RpcUrl), options);
    }
}
