using System.Text.Json.Nodes;
using Ledger.Api.Access;
using Ledger.Cli;
using Ledger.Testing;

namespace Ledger.Api.Tests.EndToEnd;

/// <summary>
/// The whole path: a record submitted to the service is anchored, and its proof bundle checks out with the
/// independent verifier (chain only) and with OpenZeppelin's JavaScript library — and a flipped byte fails both.
/// </summary>
public sealed class IndependentVerificationTests(PairedBatchLedger ledger) : IClassFixture<PairedBatchLedger>
{
    private readonly LedgerApiFactory _factory = ledger.Factory;

    [Fact]
    public async Task AnAnchoredProofVerifiesWithTheCliAndWithOpenZeppelinsLibrary()
    {
        var (bundle, rpc) = await AnchoredProofAsync();

        var (cliCode, cliOutput) = await VerifyWithCliAsync(bundle, rpc);
        var js = await VerifyWithJavaScriptAsync(bundle);

        Assert.True(cliCode == 0, cliOutput);
        Assert.StartsWith("valid, anchored at ", cliOutput);
        Assert.Equal("valid", js);
    }

    public static TheoryData<string> TamperedParts => ["recordHash", "proof", "root"];

    [Theory]
    [MemberData(nameof(TamperedParts))]
    public async Task AFlippedByteMakesBothVerifiersSayInvalid(string part)
    {
        var (bundle, rpc) = await AnchoredProofAsync();
        var merkle = bundle["merkle"]!.AsObject();
        switch (part)
        {
            case "recordHash": bundle["recordHash"] = Flip(bundle["recordHash"]!.GetValue<string>()); break;
            case "root": merkle["root"] = Flip(merkle["root"]!.GetValue<string>()); break;
            default: merkle["proof"]![0] = Flip(merkle["proof"]![0]!.GetValue<string>()); break;
        }

        var (cliCode, cliOutput) = await VerifyWithCliAsync(bundle, rpc);
        var js = await VerifyWithJavaScriptAsync(bundle);

        Assert.True(cliCode == CliApp.Invalid, cliOutput);
        Assert.StartsWith("invalid: ", cliOutput);
        Assert.StartsWith("invalid", js);
    }

    [Fact]
    public async Task AProofNamingAnotherContractIsInvalid()
    {
        var (bundle, rpc) = await AnchoredProofAsync();
        bundle["anchor"]!["contract"] = "0x000000000000000000000000000000000000dEaD";

        var (code, output) = await VerifyWithCliAsync(bundle, rpc);

        Assert.Equal(CliApp.Invalid, code);
        Assert.Contains("no contract at 0x000000000000000000000000000000000000dEaD", output);
    }

    [Fact]
    public async Task TheServedBundleSpellsHashesInLowerCaseAndAddressesInEip55()
    {
        var (bundle, _) = await AnchoredProofAsync();

        // docs/proof-format.md §4 promises this spelling; verifiers accept others, but the service writes only these.
        var merkle = bundle["merkle"]!;
        var anchor = bundle["anchor"]!;
        var issuer = bundle["issuer"]!;
        string[] hexes = [.. merkle["proof"]!.AsArray().Select(p => p!.GetValue<string>()),
            bundle["recordHash"]!.GetValue<string>(), merkle["root"]!.GetValue<string>(), anchor["txHash"]!.GetValue<string>(),
            anchor["blockHash"]!.GetValue<string>(), issuer["signature"]!.GetValue<string>()];
        Assert.All(hexes, hex => Assert.Matches("^0x[0-9a-f]+$", hex));
        foreach (var address in new[] { anchor["contract"]!.GetValue<string>(), issuer["address"]!.GetValue<string>() })
        {
            Assert.Equal(Ledger.Chain.EthereumAddress.Normalize(address), address);
        }
    }

    [Fact]
    public async Task TheCliRecomputesTheRecordHashFromTheStoredEnvelope()
    {
        var accepted = await Samples.SubmitAsync(_factory.ClientFor(Roles.Inspector), Samples.Inspection("L-HASH"));
        var view = await _factory.ClientFor(Roles.Inspector).GetStringAsync(accepted.GetProperty("links").GetProperty("self").GetString());
        var file = Path.Combine(_factory.DataDirectory, $"record-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, view);

        var output = new StringWriter();
        var code = await CliApp.RunAsync(["hash", file], output, new StringWriter());

        Assert.Equal(0, code);
        Assert.Contains("hash:      " + accepted.GetProperty("recordHash").GetString(), output.ToString());
    }

    private async Task<(JsonObject Bundle, string Rpc)> AnchoredProofAsync()
    {
        var accepted = await Samples.SubmitAsync(_factory.ClientFor(Roles.Inspector), Samples.Inspection());
        // Batches seal in pairs here, so a second record guarantees the first a sibling and a non-empty proof.
        await Samples.SubmitAsync(_factory.ClientFor(Roles.Inspector), Samples.Inspection("L-SIBLING"));
        var bundle = await _factory.WaitForStatusAsync(accepted.GetProperty("recordHash").GetString()!, "anchored", "confirmed");
        var chain = await _factory.ChainAsync();
        return (JsonNode.Parse(bundle.GetRawText())!.AsObject(), chain.RpcUrl.ToString());
    }

    private async Task<(int Code, string Output)> VerifyWithCliAsync(JsonObject bundle, string rpc)
    {
        var file = Path.Combine(_factory.DataDirectory, $"proof-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, bundle.ToJsonString());
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync(["verify", file, "--rpc", rpc], output, error);
        return (code, (output.ToString() + error.ToString()).Trim());
    }

    private static async Task<string> VerifyWithJavaScriptAsync(JsonObject bundle) =>
        (await NodeScript.RunAsync("tests/Ledger.Api.Tests/js/verify-proof.mjs", bundle.ToJsonString())).Trim();

    private static string Flip(string hex)
    {
        var bytes = Core.Encoding.Hex.Decode(hex);
        bytes[^1] ^= 0x01;
        return Core.Encoding.Hex.Encode(bytes);
    }
}

/// <summary>A service that seals a batch exactly when two records wait, so every proof has a sibling.</summary>
public sealed class PairedBatchLedger : IAsyncLifetime
{
    public LedgerApiFactory Factory { get; } = new(settings: new Dictionary<string, string?>
    {
        ["Anchoring:MaxBatchSize"] = "2",
        ["Anchoring:BatchInterval"] = "01:00:00",
    });

    public async Task InitializeAsync() => await Factory.ChainAsync();

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        Factory.DeleteData();
    }
}
