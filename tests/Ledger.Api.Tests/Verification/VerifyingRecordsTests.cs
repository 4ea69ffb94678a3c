using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ledger.Api.Access;
using Ledger.Core.Encoding;
using Ledger.Core.Merkle;

namespace Ledger.Api.Tests.Verification;

public sealed class VerifyingRecordsTests(SharedLedger ledger) : IClassFixture<SharedLedger>
{
    private readonly LedgerApiFactory _factory = ledger.Factory;

    [Fact]
    public async Task AnAcceptedRecordIsAnchoredAndItsProofChecksOutOnTheChain()
    {
        var accepted = await Samples.SubmitAsync(_factory.ClientFor(Roles.Inspector), Samples.Inspection());
        var hash = accepted.GetProperty("recordHash").GetString()!;

        var bundle = await _factory.WaitForStatusAsync(hash, "anchored", "confirmed");

        var chain = await _factory.ChainAsync();
        var root = Hex.DecodeFixed(bundle.GetProperty("merkle").GetProperty("root").GetString()!, 32);
        var proof = bundle.GetProperty("merkle").GetProperty("proof").EnumerateArray().Select(p => Hex.DecodeFixed(p.GetString()!, 32)).ToList();
        var anchor = bundle.GetProperty("anchor");
        Assert.Equal("ledger-proof/v1", bundle.GetProperty("format").GetString());
        Assert.True(MerkleTree.Verify(root, Hex.DecodeFixed(hash, 32), proof));
        Assert.True(await chain.Contract.VerifyAsync(Hex.DecodeFixed(hash, 32), proof, root));
        Assert.Equal(anchor.GetProperty("timestamp").GetInt64(), await chain.Contract.AnchoredAtAsync(root));
        Assert.Equal((long)chain.ChainId, anchor.GetProperty("chainId").GetInt64());
        Assert.Equal(chain.Contract.Address, anchor.GetProperty("contract").GetString());
    }

    [Fact]
    public async Task PublicVerificationShowsStatusIssuerAndAnchorButNoPayload()
    {
        var accepted = await Samples.SubmitAsync(_factory.ClientFor(Roles.CorrectionOfficer), Samples.CheckIn());
        var hash = accepted.GetProperty("recordHash").GetString()!;
        await _factory.WaitForStatusAsync(hash, "anchored", "confirmed");

        var response = await _factory.CreateClient().GetAsync($"/api/v1/verify/{hash}");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal("demo-judicial-bureau", body.GetProperty("issuer").GetString());
        Assert.Contains(body.GetProperty("status").GetString(), new[] { "anchored", "confirmed" });
        Assert.StartsWith("0x", body.GetProperty("anchor").GetProperty("txHash").GetString());
        Assert.DoesNotContain("CC-2026-0042", text);
        Assert.DoesNotContain("OFF-17", text);
        Assert.DoesNotContain(accepted.GetProperty("salt").GetString()!, text);
    }

    [Fact]
    public async Task AnUnknownHashIsANotFoundProblem()
    {
        var unknown = Hex.Encode(new byte[32]);

        var verify = await _factory.CreateClient().GetAsync($"/api/v1/verify/{unknown}");
        var proof = await _factory.CreateClient().GetAsync($"/api/v1/proofs/{unknown}");

        Assert.Equal(HttpStatusCode.NotFound, verify.StatusCode);
        Assert.Equal("application/problem+json", verify.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, proof.StatusCode);
    }

    [Theory]
    [InlineData("0x1234")]
    [InlineData("not-a-hash")]
    [InlineData("0xzz00000000000000000000000000000000000000000000000000000000000000")]
    public async Task AMalformedHashIsABadRequestProblem(string hash)
    {
        var response = await _factory.CreateClient().GetAsync($"/api/v1/verify/{hash}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AnUpperCaseHashFindsTheSameRecord()
    {
        var accepted = await Samples.SubmitAsync(_factory.ClientFor(Roles.Inspector), Samples.Inspection("L-UPPER"));
        var hash = accepted.GetProperty("recordHash").GetString()!;

        var body = await _factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/verify/0x{hash[2..].ToUpperInvariant()}");

        Assert.Equal(hash, body.GetProperty("recordHash").GetString());
    }
}
