using Ledger.Core.Encoding;
using Ledger.Core.Merkle;
using Ledger.Core.Proofs;
using Ledger.Core.Tests.Merkle;

namespace Ledger.Core.Tests.Proofs;

public sealed class ProofCheckerTests
{
    [Fact]
    public void AValidBundleChecksOutAndReportsTheRoot()
    {
        var bundle = ValidBundle();

        var check = ProofChecker.CheckMerkle(bundle);

        Assert.True(check.IsValid, check.Problem);
        Assert.Equal(bundle.Merkle!.Root, check.ComputedRoot);
        Assert.Null(check.Problem);
    }

    [Fact]
    public void UpperCaseHexIsAcceptedBecauseHexIsCaseInsensitive()
    {
        var bundle = ValidBundle();
        bundle = bundle with { RecordHash = "0x" + bundle.RecordHash[2..].ToUpperInvariant() };

        Assert.True(ProofChecker.CheckMerkle(bundle).IsValid);
    }

    [Fact]
    public void AWrongRootIsReportedWithTheRootTheProofLeadsTo()
    {
        var bundle = ValidBundle();
        var actualRoot = bundle.Merkle!.Root;
        bundle = bundle with { Merkle = bundle.Merkle with { Root = "0x" + new string('a', 64) } };

        var check = ProofChecker.CheckMerkle(bundle);

        Assert.False(check.IsValid);
        Assert.Equal(actualRoot, check.ComputedRoot);
        Assert.Contains("not to merkle.root", check.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ABundleWithoutAMerkleSectionSaysItIsNotAnchoredYet()
    {
        var check = ProofChecker.CheckMerkle(ValidBundle() with { Status = RecordStatus.Pending, Merkle = null, Anchor = null });

        Assert.False(check.IsValid);
        Assert.Contains("no merkle section", check.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0x1234")]
    [InlineData("not hex")]
    public void AMalformedRecordHashIsNamed(string recordHash) =>
        AssertProblem(ValidBundle() with { RecordHash = recordHash }, "recordHash is not");

    [Fact]
    public void AMalformedRootIsNamed()
    {
        var bundle = ValidBundle();

        AssertProblem(bundle with { Merkle = bundle.Merkle! with { Root = "0xzz" } }, "merkle.root is not");
    }

    [Fact]
    public void AMalformedProofElementIsNamedByIndex()
    {
        var bundle = ValidBundle();
        var proof = bundle.Merkle!.Proof.ToList();
        proof[1] = proof[1][..^2];

        AssertProblem(bundle with { Merkle = bundle.Merkle with { Proof = proof } }, "merkle.proof[1] is not");
    }

    [Fact]
    public void AnUnknownFormatIsRefused() =>
        AssertProblem(ValidBundle() with { Format = "ledger-proof/v0" }, "unsupported format");

    private static void AssertProblem(ProofBundle bundle, string problem)
    {
        var check = ProofChecker.CheckMerkle(bundle);

        Assert.False(check.IsValid);
        Assert.Contains(problem, check.Problem, StringComparison.Ordinal);
    }

    private static ProofBundle ValidBundle()
    {
        var hashes = RandomHashes.Make(6, new Random(12));
        var tree = MerkleTree.Build(hashes);
        return new ProofBundle
        {
            Format = ProofBundle.CurrentFormat,
            RecordHash = Hex.Encode(hashes[2]),
            Status = RecordStatus.Confirmed,
            Merkle = new MerkleSection(Hex.Encode(tree.Root), tree.GetProof(hashes[2]).Select(p => Hex.Encode(p)).ToList()),
            Anchor = new AnchorSection(31337, "0x5fbdb2315678afecb367f032d93f642f64180aa3", "0x" + new string('1', 64), 12, "0x" + new string('2', 64), "1", 1714523400),
        };
    }
}
