using Ledger.Core.Records.Chains;

namespace Ledger.Core.Tests.Records.Correction;

public sealed class ChainCheckTests
{
    private static readonly string[] Hashes = [.. Enumerable.Range(1, 5).Select(i => "0x" + i.ToString("x64"))];

    // A well-formed chain of five: record i is number i and names record i-1.
    private static List<ChainedRecord> Chain() =>
        [.. Hashes.Select((h, i) => new ChainedRecord(h, new ChainLink(i + 1, i == 0 ? ChainLink.Genesis : Hashes[i - 1])))];

    [Fact]
    public void AWholeChainPasses() => Assert.True(ChainCheck.Check(Chain()).IsWhole);

    [Fact]
    public void ADroppedRecordIsFoundWhereItWas()
    {
        var chain = Chain();
        chain.RemoveAt(2);

        var report = ChainCheck.Check(chain);

        Assert.False(report.IsWhole);
        Assert.Equal([true, true, false, true], report.Verdicts.Select(v => v.IsLinked));
        Assert.Contains("1 record is missing", report.Verdicts[2].Problem);
    }

    [Fact]
    public void SwappedRecordsAreFound()
    {
        var chain = Chain();
        (chain[1], chain[2]) = (chain[2], chain[1]);

        Assert.False(ChainCheck.Check(chain).IsWhole);
    }

    [Fact]
    public void ARecordWhoseLinkNamesAnotherPredecessorIsFound()
    {
        var chain = Chain();
        chain[3] = chain[3] with { Link = new ChainLink(4, Hashes[0]) };

        Assert.Contains("names", ChainCheck.Check(chain).Verdicts[3].Problem);
    }

    [Fact]
    public void AnExcerptFromTheMiddlePassesButATruncatedTailIsFoundAgainstTheHead()
    {
        var chain = Chain();

        Assert.True(ChainCheck.Check(chain.Skip(1).ToList()).IsWhole);
        Assert.False(ChainCheck.Check(chain.Take(4).ToList(), expectedLast: chain[4]).IsWhole);
    }

    [Fact]
    public void TheFirstRecordMustNameGenesis()
    {
        var chain = Chain();
        chain[0] = chain[0] with { Link = new ChainLink(1, Hashes[4]) };

        Assert.False(ChainCheck.Check(chain).IsWhole);
    }
}
