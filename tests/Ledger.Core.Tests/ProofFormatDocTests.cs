using Ledger.Core.Encoding;
using Ledger.Core.Hashing;
using Ledger.Core.Tests.Merkle;
using Ledger.Core.Tests.Records;
using Ledger.Testing;

namespace Ledger.Core.Tests;

/// <summary>Keeps docs/proof-format.md honest: the numbers it shows are the ones the code produces.</summary>
public sealed class ProofFormatDocTests
{
    private static readonly string Doc = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "proof-format.md"));

    [Theory]
    [InlineData(ExampleRecords.PinnedCanonicalText)]
    [InlineData(ExampleRecords.PinnedHash)]
    [InlineData(ExampleRecords.Salt)]
    [InlineData(ExampleRecords.PinnedV2CanonicalText)]
    [InlineData(ExampleRecords.PinnedV2Hash)]
    [InlineData(WorkedExampleTests.Leaf)]
    [InlineData(WorkedExampleTests.OtherRecordHash)]
    [InlineData(WorkedExampleTests.OtherLeaf)]
    [InlineData(WorkedExampleTests.PairRoot)]
    public void TheDocShowsTheWorkedExampleValues(string value) => Assert.Contains(value, Doc, StringComparison.Ordinal);

    [Fact]
    public void TheDocStatesTheCanonicalLength() =>
        Assert.Contains($"{System.Text.Encoding.UTF8.GetByteCount(ExampleRecords.PinnedCanonicalText)} bytes of UTF-8", Doc, StringComparison.Ordinal);

    [Fact]
    public void TheDocStatesTheCanonicalLengthOfTheV2Form() =>
        Assert.Contains($"canonical text is {System.Text.Encoding.UTF8.GetByteCount(ExampleRecords.PinnedV2CanonicalText)} bytes", Doc, StringComparison.Ordinal);

    [Theory]
    [InlineData("anchoredAt(bytes32)", 4)]
    [InlineData("batchOf(bytes32)", 4)]
    [InlineData("verify(bytes32,bytes32[],bytes32)", 4)]
    [InlineData("RootAnchored(uint256,bytes32,uint64)", 32)]
    public void TheDocsSelectorsAndTopicAreKeccakOfTheirSignatures(string signature, int length) =>
        Assert.Contains(Hex.Encode(Keccak256.Hash(System.Text.Encoding.ASCII.GetBytes(signature)).AsSpan(0, length)), Doc, StringComparison.Ordinal);

    [Fact]
    public void TheDocsKeccakCheckValueIsKeccakOfNothing() =>
        Assert.Contains($"keccak256(\"\") = {Hex.Encode(Keccak256.Hash([]))}", Doc, StringComparison.Ordinal);
}
