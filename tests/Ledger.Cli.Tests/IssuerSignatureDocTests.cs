using Ledger.Chain;
using Ledger.Chain.Attestation;
using Ledger.Core.Encoding;
using Ledger.Testing;

namespace Ledger.Cli.Tests;

/// <summary>Keeps the issuer-signature example of docs/proof-format.md (§4.1) honest: it is what `ledger` signs and checks.</summary>
public sealed class IssuerSignatureDocTests
{
    private const string DevKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    private const string RecordHash = "0x5ddac0b37ed0e08c56b3769b136b276ee720989546861d9c326d8571ccae601e";
    private const string Address = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    private const string Signature = "0xa866ddf372b7ca20eceb53474646f8cc3b755f162cd2c49fe25e9afc049b9cf039931e53cf91a02294abc705ba52dcc28a9de8224fa0a01ece7f6010b21558c01b";

    private static readonly string Doc = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "proof-format.md"));

    [Fact]
    public void TheDocsExampleSignatureIsWhatTheIssuerKeyProduces()
    {
        var key = EthereumKey.FromPrivateKey(DevKey);

        Assert.Equal(Address, key.Address);
        Assert.Equal(Signature, IssuerSignature.Sign(key, Hex.Decode(RecordHash)));
    }

    [Theory]
    [InlineData(DevKey)]
    [InlineData(RecordHash)]
    [InlineData(Address)]
    [InlineData(Signature)]
    public void TheDocShowsTheExampleValues(string value) => Assert.Contains(value, Doc, StringComparison.Ordinal);
}
