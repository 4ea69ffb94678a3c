using System.Text.Json;
using Ledger.Chain.Abi;
using Ledger.Core.Encoding;

namespace Ledger.Chain.Tests.Contracts;

public sealed class LedgerAnchorAbiTests
{
    private static IReadOnlyList<string> ArtifactSignatures(string kind)
    {
        using var abi = JsonDocument.Parse(ContractArtifact.LedgerAnchor.AbiJson);
        return [.. abi.RootElement.EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == kind)
            .Select(e => $"{e.GetProperty("name").GetString()}({string.Join(',', e.GetProperty("inputs").EnumerateArray().Select(i => i.GetProperty("type").GetString()))})")];
    }

    [Fact]
    public void EveryFunctionWeCallExistsInTheEmbeddedArtifact()
    {
        var functions = ArtifactSignatures("function");
        AbiFunction[] ours = [LedgerAnchorAbi.Anchor, LedgerAnchorAbi.AnchoredAt, LedgerAnchorAbi.BatchOf, LedgerAnchorAbi.BatchCount,
            LedgerAnchorAbi.Verify, LedgerAnchorAbi.Version, LedgerAnchorAbi.HasRole];
        Assert.All(ours, f => Assert.Contains(f.Signature, functions));
    }

    [Fact]
    public void TheRootAnchoredEventMatchesTheEmbeddedArtifact() =>
        Assert.Contains(LedgerAnchorAbi.RootAnchored.Signature, ArtifactSignatures("event"));

    [Fact]
    public void EveryCustomErrorInTheArtifactCanBeDescribed()
    {
        var ours = LedgerAnchorAbi.Errors.Select(e => e.Signature).ToList();
        Assert.All(ArtifactSignatures("error"), e => Assert.Contains(e, ours));
    }

    [Fact]
    public void TheEmbeddedBytecodeIsHex() => Assert.True(Hex.Decode(LedgerAnchorContract.Bytecode).Length > 100);

    [Fact]
    public void TheAnchorerRoleIsTheKeccakOfItsName() =>
        Assert.Equal("0x4b3e6527f1b0d33beb6c20e3c362af276f03c4526b5f8b6d118672f0d75a60eb", Hex.Encode(LedgerAnchorAbi.AnchorerRole));

    [Fact]
    public void NoRevertDataDescribesAsNull() => Assert.Null(LedgerAnchorContract.DescribeRevert(null));

    [Fact]
    public void EmptyRevertDataSaysSo() => Assert.Equal("revert without data", LedgerAnchorContract.DescribeRevert([]));

    [Fact]
    public void AnUnknownSelectorIsShownInHex() =>
        Assert.Equal("unknown error 0xdeadbeef (4 bytes)", LedgerAnchorContract.DescribeRevert([0xde, 0xad, 0xbe, 0xef]));

    [Fact]
    public void APanicNamesItsReason() =>
        Assert.Equal("Panic(code=0x11 (arithmetic overflow or underflow))", LedgerAnchorContract.DescribeRevert(LedgerAnchorAbi.Error("Panic").Encode(0x11)));
}
