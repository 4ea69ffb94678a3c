using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ledger.Api.Access;
using Ledger.Api.Issuers;
using Ledger.Api.Tests.Protection;
using Ledger.Chain.Attestation;
using Ledger.Cli;
using Ledger.Core.Encoding;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Api.Tests.Issuers;

/// <summary>Every record is signed by its issuing organisation's key; anyone can check the signature, and `ledger verify` does.</summary>
public sealed class IssuerSignatureTests(SharedLedger ledger) : IClassFixture<SharedLedger>
{
    private readonly LedgerApiFactory _factory = ledger.Factory;

    [Fact]
    public async Task EveryRecordIsSignedByItsIssuingOrganisationsOwnKey()
    {
        var first = await Samples.SubmitAsync(_factory.ClientFor(Roles.Inspector), Samples.Inspection());
        var second = await Samples.SubmitAsync(_factory.ClientFor(Roles.Inspector), Samples.Inspection());
        var other = await Samples.SubmitAsync(_factory.ClientFor(Roles.CorrectionOfficer), SensitiveSamples.CheckIn(SensitiveSamples.NewRef("CC")));

        var signatures = await Task.WhenAll(new[] { first, second, other }.Select(SignatureAsync));

        Assert.All(signatures.Zip([first, second, other]), pair => Assert.True(IssuerSignature.Verify(
            Hex.Decode(pair.Second.GetProperty("recordHash").GetString()!), pair.First.GetProperty("signature").GetString(), pair.First.GetProperty("address").GetString()!)));
        Assert.Equal("demo-market-supervision-bureau", signatures[0].GetProperty("organisation").GetString());
        Assert.Equal(signatures[0].GetProperty("address").GetString(), signatures[1].GetProperty("address").GetString());
        Assert.NotEqual(signatures[0].GetProperty("address").GetString(), signatures[2].GetProperty("address").GetString());
    }

    [Fact]
    public async Task LedgerVerifyChecksTheIssuerSignatureAndNamesTheOrganisationTheChainRegisteredItFor()
    {
        var accepted = await Samples.SubmitAsync(_factory.ClientFor(Roles.Inspector), Samples.Inspection());
        var bundle = await _factory.WaitForStatusAsync(accepted.GetProperty("recordHash").GetString()!, "anchored", "confirmed");

        var (code, output) = await LedgerVerify.RunAsync(_factory, bundle);

        Assert.True(code == 0, output);
        var issuer = bundle.GetProperty("issuer");
        Assert.Contains($"Signed by \"demo-market-supervision-bureau\" ({issuer.GetProperty("address").GetString()}), a key registered for it on chain from block ", output);
    }

    [Fact]
    public async Task AProofWhoseOrganisationWasSwappedIsSignedByAnUnregisteredKey()
    {
        var accepted = await Samples.SubmitAsync(_factory.ClientFor(Roles.Inspector), Samples.Inspection());
        var bundle = JsonNode.Parse((await _factory.WaitForStatusAsync(accepted.GetProperty("recordHash").GetString()!, "anchored", "confirmed")).GetRawText())!.AsObject();
        // Another organisation that has signed records of its own, so its name is registered on chain — for another key.
        await Samples.SubmitAsync(_factory.ClientFor(Roles.CorrectionOfficer), SensitiveSamples.CheckIn(SensitiveSamples.NewRef("CC")));
        bundle["issuer"]!["organisation"] = "demo-judicial-bureau";

        var (code, output) = await LedgerVerify.RunAsync(_factory, bundle);

        Assert.Equal(CliApp.IssuerNotProven, code);
        Assert.Contains("signed by an unregistered key", output);
    }

    [Fact]
    public async Task AProofWithAnotherRecordsSignatureIsInvalid()
    {
        var accepted = await Samples.SubmitAsync(_factory.ClientFor(Roles.Inspector), Samples.Inspection());
        var other = await Samples.SubmitAsync(_factory.ClientFor(Roles.Inspector), Samples.Inspection());
        var bundle = JsonNode.Parse((await _factory.WaitForStatusAsync(accepted.GetProperty("recordHash").GetString()!, "anchored", "confirmed")).GetRawText())!.AsObject();
        bundle["issuer"]!["signature"] = (await SignatureAsync(other)).GetProperty("signature").GetString();

        var (code, output) = await LedgerVerify.RunAsync(_factory, bundle);

        Assert.Equal(CliApp.Invalid, code);
        Assert.Contains("the issuer signature does not match", output);
    }

    [Fact]
    public async Task AProofNamingAnotherSignerIsInvalid()
    {
        var accepted = await Samples.SubmitAsync(_factory.ClientFor(Roles.Inspector), Samples.Inspection());
        var bundle = JsonNode.Parse((await _factory.WaitForStatusAsync(accepted.GetProperty("recordHash").GetString()!, "anchored", "confirmed")).GetRawText())!.AsObject();
        bundle["issuer"]!["address"] = "0x000000000000000000000000000000000000dEaD";

        var (code, output) = await LedgerVerify.RunAsync(_factory, bundle);

        Assert.Equal(CliApp.Invalid, code);
        Assert.Contains("issuer signature", output);
    }

    [Fact]
    public async Task TheIssuerPrivateKeyIsNeverInTheDatabaseFilesInClear()
    {
        await Samples.SubmitAsync(_factory.ClientFor(Roles.Inspector), Samples.Inspection());

        var key = await _factory.Services.GetRequiredService<IssuerKeys>().ForAsync("demo-market-supervision-bureau", default);

        var hex = key.ExportPrivateKey();
        Assert.False(StoreFiles.Contain(_factory.DataDirectory, Hex.Decode(hex)));
        Assert.False(StoreFiles.Contain(_factory.DataDirectory, hex[2..]));
    }

    private async Task<JsonElement> SignatureAsync(JsonElement accepted)
    {
        var verification = await _factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/verify/{accepted.GetProperty("recordHash").GetString()}");
        return verification.GetProperty("signature");
    }
}
