using Ledger.Chain;
using Ledger.Testing;

namespace Ledger.Verification.Tests;

/// <summary>The library's own surface: its options, its two inputs, cancellation and an unreachable node.</summary>
public sealed class ProofVerifierTests(AnchoredBundles bundles) : IClassFixture<AnchoredBundles>
{
    [Fact]
    public void AnExpectedContractIsKeptInItsEip55Form()
    {
        var options = new VerifyOptions { ExpectedContract = bundles.Contract.ToLowerInvariant() };

        Assert.Equal(bundles.Contract, options.ExpectedContract);
    }

    [Theory]
    [InlineData("0x5fbdb")]
    [InlineData("0x5FbDB2315678afecb367f032d93F642f64180aA3")]
    public void AnExpectedContractThatIsNotAnAddressIsRefusedWhenTheOptionsAreMade(string contract) =>
        Assert.Throws<FormatException>(() => new VerifyOptions { ExpectedContract = contract });

    [Fact]
    public async Task ABundleGivenAsTextGetsTheSameVerdictAsItsBytes()
    {
        using var http = new HttpClient();
        var chain = new JsonRpcChainClient(http, bundles.Node.RpcUrl);

        var fromText = await ProofVerifier.VerifyAsync(bundles.Signed, chain);
        var fromBytes = await ProofVerifier.VerifyAsync(System.Text.Encoding.UTF8.GetBytes(bundles.Signed), chain);

        Assert.True(fromText.IsValid, fromText.Message);
        Assert.Equal(fromBytes, fromText);
    }

    [Fact]
    public async Task WithoutOptionsABundleWithoutASignatureIsNotProven()
    {
        var bundle = AnchoredBundles.Parse(bundles.Signed);
        bundle.Remove("issuer");

        var outcome = await bundles.VerifyAsync(bundle);

        Assert.Equal(VerificationKind.IssuerNotProven, outcome.Kind);
        Assert.StartsWith("issuer not proven: the proof has no issuer signature", outcome.Message);
    }

    [Fact]
    public async Task ACancelledVerificationThrowsRatherThanReturningAVerdict()
    {
        using var http = new HttpClient();
        var chain = new JsonRpcChainClient(http, bundles.Node.RpcUrl);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => ProofVerifier.VerifyAsync(bundles.Signed, chain, ct: new CancellationToken(canceled: true)));
    }

    [Fact]
    public async Task AnUnreachableNodeMakesTheChainUnavailableWithoutNamingTheUrlsSecrets()
    {
        using var http = new HttpClient();
        var chain = new JsonRpcChainClient(http, new Uri("http://user:secret@127.0.0.1:1/v3/SECRET-KEY?token=SECRET"));

        var outcome = await ProofVerifier.VerifyAsync(bundles.Signed, chain);

        Assert.Equal(VerificationKind.ChainUnavailable, outcome.Kind);
        Assert.StartsWith("error: the chain is unavailable: ", outcome.Message);
        Assert.DoesNotContain("SECRET", outcome.Message, StringComparison.OrdinalIgnoreCase);
    }
}
