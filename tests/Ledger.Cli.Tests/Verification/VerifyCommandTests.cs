using Ledger.Chain;
using Ledger.Cli.Commands;
using Ledger.Core.Encoding;
using Ledger.Testing;
using Ledger.Verification;

namespace Ledger.Cli.Tests.Verification;

/// <summary>
/// `ledger verify` on genuine bundles: what it proves, what it calls a claim, and how each refusal ends — its exit code
/// and its one line on the right stream. Every hostile variant of a bundle is tried on the library itself
/// (Ledger.Verification.Tests); here each verdict is followed out of the command line.
/// </summary>
public sealed class VerifyCommandTests(AnchoredBundles bundles) : IClassFixture<AnchoredBundles>
{
    [Fact]
    public async Task AGenuineSignedBundleIsValidAndNamesTheOrganisationItsKeyIsRegisteredFor()
    {
        var run = await bundles.VerifyAsync(AnchoredBundles.Parse(bundles.Signed));

        Assert.True(run.Code == CliApp.Valid, run.ToString());
        var line = Assert.Single(run.Lines);
        Assert.StartsWith("valid, anchored at ", line);
        Assert.Contains($"Signed by \"{AnchoredBundles.Organisation}\" ({bundles.IssuerKey.Address}), a key registered for it on chain from block ", line);
        Assert.Contains($"contract {bundles.Contract} (named by the proof; require the ledger's published address with --contract)", line);
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task ABundleClaimingAnotherOrganisationIsSignedByAnUnregisteredKey()
    {
        var bundle = AnchoredBundles.Parse(bundles.Signed);
        bundle["issuer"]!["organisation"] = "cn-330106-judicial";

        var run = await bundles.VerifyAsync(bundle);

        Assert.Equal(CliApp.IssuerNotProven, run.Code);
        var line = Assert.Single(run.Lines);
        Assert.StartsWith($"issuer not proven: signed by an unregistered key: the signature recovers to {bundles.IssuerKey.Address}", line);
        Assert.Contains($"has no such key for \"cn-330106-judicial\"", line);
    }

    [Fact]
    public async Task AContractAddressWithAWrongChecksumIsRefusedInOneLineThatNamesIt()
    {
        var bundle = AnchoredBundles.Parse(bundles.Signed);
        var wrong = WrongChecksum(bundles.Contract);
        bundle["anchor"]!["contract"] = wrong;

        var run = await bundles.VerifyAsync(bundle);

        Assert.Equal(CliApp.Invalid, run.Code);
        Assert.Equal($"invalid: anchor.contract \"{wrong}\" has a wrong EIP-55 checksum: mixed-case letters must spell the EIP-55 form, so this is likely a typo.",
            Assert.Single(run.Lines));
    }

    [Theory]
    [InlineData("lower")]
    [InlineData("upper")]
    public async Task AnAddressInOneCaseNeedsNoChecksum(string spelling)
    {
        var bundle = AnchoredBundles.Parse(bundles.Signed);
        bundle["anchor"]!["contract"] = OneCase(bundles.Contract, spelling);
        bundle["issuer"]!["address"] = OneCase(bundles.IssuerKey.Address, spelling);

        var run = await bundles.VerifyAsync(bundle);

        Assert.True(run.Code == CliApp.Valid, run.ToString());
    }

    [Fact]
    public async Task UpperCaseHexDigitsInHashesAndTheSignatureAreAccepted()
    {
        var bundle = AnchoredBundles.Parse(bundles.Signed);
        foreach (var (section, member) in new[] { ("", "recordHash"), ("merkle", "root"), ("anchor", "txHash"), ("anchor", "blockHash"), ("issuer", "signature") })
        {
            var owner = section.Length == 0 ? bundle : bundle[section]!.AsObject();
            owner[member] = "0x" + owner[member]!.GetValue<string>()[2..].ToUpperInvariant();
        }
        bundle["merkle"]!["proof"]![0] = "0x" + bundle["merkle"]!["proof"]![0]!.GetValue<string>()[2..].ToUpperInvariant();

        var run = await bundles.VerifyAsync(bundle);

        Assert.True(run.Code == CliApp.Valid, run.ToString());
    }

    [Fact]
    public async Task AnUpperCaseHexPrefixIsRefused()
    {
        var bundle = AnchoredBundles.Parse(bundles.Signed);
        bundle["recordHash"] = "0X" + bundle["recordHash"]!.GetValue<string>()[2..];

        var run = await bundles.VerifyAsync(bundle);

        Assert.Equal(CliApp.Invalid, run.Code);
        Assert.StartsWith("invalid: recordHash \"0X", Assert.Single(run.Lines));
    }

    [Fact]
    public async Task ABundleWithoutAnIssuerSignatureIsNotProvenAndSaysHowToAcceptIt()
    {
        var bundle = AnchoredBundles.Parse(bundles.Signed);
        bundle.Remove("issuer");

        var run = await bundles.VerifyAsync(bundle);

        Assert.Equal(CliApp.IssuerNotProven, run.Code);
        var line = Assert.Single(run.Lines);
        Assert.StartsWith("issuer not proven: the proof has no issuer signature", line);
        Assert.Contains("--allow-unsigned", line);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task WithAllowUnsignedABundleWithoutSignatureIsValidAndTheIssuerUnproven()
    {
        var bundle = AnchoredBundles.Parse(bundles.Signed);
        bundle["issuer"] = null;

        var run = await bundles.VerifyAsync(bundle, "--allow-unsigned");

        Assert.True(run.Code == CliApp.Valid, run.ToString());
        Assert.Contains("who issued the record is unproven (accepted with --allow-unsigned)", Assert.Single(run.Lines));
    }

    [Fact]
    public async Task AllowUnsignedDoesNotExcuseAWrongSignature()
    {
        var bundle = AnchoredBundles.Parse(bundles.Signed);
        bundle["issuer"]!["signature"] = AnchoredBundles.Parse(bundles.SingleRecordBatch)["issuer"]!["signature"]!.GetValue<string>();

        var run = await bundles.VerifyAsync(bundle, "--allow-unsigned");

        Assert.Equal(CliApp.Invalid, run.Code);
        Assert.StartsWith("invalid: the issuer signature does not match", Assert.Single(run.Lines));
    }

    [Fact]
    public async Task ARecordNotAnchoredYetHasItsOwnCodeAndSaysToFetchTheProofAgain()
    {
        var run = await bundles.VerifyAsync(AnchoredBundles.Parse(bundles.Pending));

        Assert.Equal(CliApp.NotAnchored, run.Code);
        var line = Assert.Single(run.Lines);
        Assert.StartsWith("not anchored yet: the service states record ", line);
        Assert.EndsWith("fetch the proof again in a few seconds.", line);
    }

    [Theory]
    [InlineData("erased", "The service states the record is erased")]
    [InlineData("revoked", "The service states the record is revoked")]
    [InlineData("superseded", "The service states the record is superseded by a correction")]
    public async Task TheStatusIsReportedAsTheServicesStatementNotAsAFact(string status, string sentence)
    {
        var bundle = AnchoredBundles.Parse(bundles.Signed);
        bundle["status"] = status;

        var run = await bundles.VerifyAsync(bundle);

        Assert.True(run.Code == CliApp.Valid, run.ToString());
        Assert.Contains(sentence + " (", Assert.Single(run.Lines));
        Assert.Contains("the chain cannot show that", run.Output);
    }

    [Fact]
    public async Task ABundleFromAnImpostorContractIsValidOnlyUntilTheContractIsPinned()
    {
        var bundle = AnchoredBundles.Parse(bundles.Impostor);

        var unpinned = await bundles.VerifyAsync(bundle);
        var pinned = await bundles.VerifyAsync(bundle, "--contract", bundles.Contract);

        Assert.True(unpinned.Code == CliApp.Valid, unpinned.ToString());
        Assert.Contains($"contract {bundles.ImpostorContract} (named by the proof;", unpinned.Output);
        Assert.Equal(CliApp.Invalid, pinned.Code);
        Assert.Equal($"invalid: the proof names contract {bundles.ImpostorContract}, but --contract requires {bundles.Contract}.", Assert.Single(pinned.Lines));
    }

    [Fact]
    public async Task APinnedContractThatMatchesIsSaidToBeRequired()
    {
        var run = await bundles.VerifyAsync(AnchoredBundles.Parse(bundles.Signed), "--contract", bundles.Contract.ToLowerInvariant());

        Assert.True(run.Code == CliApp.Valid, run.ToString());
        Assert.Contains($"contract {bundles.Contract} (as required by --contract)", run.Output);
    }

    [Theory]
    [InlineData("--contract", "0x5FbDB2315678afecb367f032d93F642f64180aA3")]
    [InlineData("--contract", "0x5fbdb")]
    [InlineData("--allow-unsigned", "--allow-unsigned")]
    [InlineData("--rpc", "http://127.0.0.1:1")]
    [InlineData("--color", "never")]
    public async Task ABadOptionIsAUsageError(string option, string value)
    {
        var run = await bundles.VerifyAsync(AnchoredBundles.Parse(bundles.Signed), option, value);

        Assert.Equal(CliApp.Usage, run.Code);
        Assert.StartsWith("error: ", run.Lines[0]);
    }

    [Fact]
    public async Task AnUnreachableChainEndsWithCodeThreeAndNeverShowsTheUrlsPathOrQuery()
    {
        var file = Path.Combine(bundles.Node.StateDirectory, "unreachable.json");
        await File.WriteAllTextAsync(file, bundles.Signed);

        var run = await CliRun.RunAsync(["verify", file, "--rpc", "http://user:secret@127.0.0.1:1/v3/SECRET-KEY?token=SECRET"]);

        Assert.Equal(CliApp.Unavailable, run.Code);
        var line = Assert.Single(run.Lines);
        Assert.StartsWith("error: the chain is unavailable: ", line);
        Assert.DoesNotContain("SECRET", line, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AHugeValueIsShownShortenedWithItsLength()
    {
        var bundle = AnchoredBundles.Parse(bundles.Signed);
        bundle["anchor"]!["txHash"] = "0x" + new string('f', 200_000);

        var run = await bundles.VerifyAsync(bundle);

        Assert.Equal(CliApp.Invalid, run.Code);
        var line = Assert.Single(run.Lines);
        Assert.Contains("anchor.txHash", line);
        Assert.Contains("… (200004 characters)", line);
        Assert.True(line.Length < 300, line);
    }

    [Fact]
    public async Task AContractThatIsNotALedgerAnchorIsInvalidNotACrash()
    {
        var bundle = AnchoredBundles.Parse(bundles.Signed);
        bundle["anchor"]!["contract"] = bundles.JunkContract;

        var run = await bundles.VerifyAsync(bundle);

        Assert.Equal(CliApp.Invalid, run.Code);
        Assert.StartsWith($"invalid: the contract at {EthereumAddress.Normalize(bundles.JunkContract)} does not answer like a LedgerAnchor", Assert.Single(run.Lines));
    }

    [Fact]
    public void EveryVerdictHasItsOwnDocumentedExitCode()
    {
        var codes = Enum.GetValues<VerificationKind>().Select(VerifyCommand.ExitCode).ToList();

        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, code => Assert.Contains(code, new[] { CliApp.Valid, CliApp.Invalid, CliApp.Unavailable, CliApp.NotAnchored, CliApp.IssuerNotProven }));
    }

    [Theory]
    [InlineData("valid", CliApp.Valid)]
    [InlineData("invalid", CliApp.Invalid)]
    [InlineData("chain unavailable", CliApp.Unavailable)]
    [InlineData("not anchored yet", CliApp.NotAnchored)]
    [InlineData("issuer not proven", CliApp.IssuerNotProven)]
    public async Task EachVerdictEndsWithItsExitCodeAndOneLineOnItsStream(string verdict, int code)
    {
        var bundle = AnchoredBundles.Parse(verdict == "not anchored yet" ? bundles.Pending : bundles.Signed);
        if (verdict == "invalid")
        {
            bundle["merkle"]!["root"] = Flip(bundle["merkle"]!["root"]!.GetValue<string>());
        }
        if (verdict == "issuer not proven")
        {
            bundle.Remove("issuer");
        }

        var run = verdict == "chain unavailable"
            ? await LedgerVerifyRun.VerifyAgainstAsync(bundle, "http://127.0.0.1:1")
            : await bundles.VerifyAsync(bundle);

        Assert.True(run.Code == code, run.ToString());
        Assert.StartsWith(verdict == "chain unavailable" ? "error: the chain is unavailable: " : verdict, Assert.Single(run.Lines));
        var (stream, other) = code == CliApp.Valid ? (run.Output, run.Error) : (run.Error, run.Output);
        Assert.NotEmpty(stream);
        Assert.Empty(other);
    }

    private static string WrongChecksum(string address)
    {
        var chars = address.ToCharArray();
        var i = Array.FindIndex(chars, 2, char.IsAsciiLetter);
        chars[i] = char.IsAsciiLetterUpper(chars[i]) ? char.ToLowerInvariant(chars[i]) : char.ToUpperInvariant(chars[i]);
        return new string(chars);
    }

    private static string OneCase(string address, string spelling) =>
        "0x" + (spelling == "lower" ? address[2..].ToLowerInvariant() : address[2..].ToUpperInvariant());

    internal static string Flip(string hex)
    {
        var bytes = Hex.Decode(hex);
        bytes[^1] ^= 0x01;
        return Hex.Encode(bytes);
    }
}
