using Ledger.Core.Encoding;
using Ledger.Core.Hashing;
using Ledger.Testing;
using static Ledger.Chain.Tests.Live.OpenZeppelinMerkle;

namespace Ledger.Chain.Tests.Live;

public sealed class LedgerAnchorLiveTests(AnvilNode node) : IClassFixture<AnvilNode>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly TransactionSender _deployer = node.Sender(0);

    private string Anchorer => _deployer.Address;

    private static byte[] RootNamed(string name) => Keccak256.Hash(System.Text.Encoding.UTF8.GetBytes(name));

    private Task<LedgerAnchorContract> DeployAsync() =>
        LedgerAnchorContract.DeployAsync(node.Client, _deployer, Anchorer, Anchorer, Timeout);

    [Fact]
    public async Task ADeployedContractHasCodeAndNamesItsAnchorer()
    {
        var contract = await DeployAsync();
        await contract.EnsureDeployedAsync();
        Assert.True(await contract.IsAnchorerAsync(Anchorer));
        Assert.False(await contract.IsAnchorerAsync(AnvilNode.DevKeys[5].Address));
    }

    [Fact]
    public async Task AnchoringARootEmitsRootAnchoredWithBatchOne()
    {
        var contract = await DeployAsync();
        var root = RootNamed("first batch");
        var receipt = await _deployer.SendAsync(contract.Address, LedgerAnchorContract.EncodeAnchor(root, 3), Timeout);

        var anchored = contract.FindRootAnchored(receipt);

        Assert.NotNull(anchored);
        Assert.Equal(1, anchored.BatchId);
        Assert.Equal(Hex.Encode(root), anchored.Root);
        Assert.Equal(3UL, anchored.LeafCount);
        Assert.Equal(receipt.TransactionHash, anchored.TransactionHash);
        Assert.Equal(receipt.BlockNumber, anchored.BlockNumber);
        Assert.Equal(receipt.BlockHash, anchored.BlockHash);
    }

    [Fact]
    public async Task AnchoredAtEqualsTheTimestampOfTheAnchoringBlock()
    {
        var contract = await DeployAsync();
        var root = RootNamed("timestamped");
        var anchored = await contract.AnchorAsync(_deployer, root, 1, Timeout);

        var block = await node.Client.GetBlockAsync(anchored.BlockNumber);

        Assert.NotNull(block);
        Assert.Equal(block.Hash, anchored.BlockHash);
        Assert.Equal(block.Timestamp, await contract.AnchoredAtAsync(root));
    }

    [Fact]
    public async Task BatchOfReturnsTheBatchTheRootWasAnchoredIn()
    {
        var contract = await DeployAsync();
        await contract.AnchorAsync(_deployer, RootNamed("batch a"), 1, Timeout);
        await contract.AnchorAsync(_deployer, RootNamed("batch b"), 1, Timeout);
        Assert.Equal(2, await contract.BatchOfAsync(RootNamed("batch b")));
        Assert.Equal(0, await contract.BatchOfAsync(RootNamed("never anchored")));
    }

    [Fact]
    public async Task AnchoringTheSameRootTwiceIsRevertedWithRootAlreadyAnchored()
    {
        var contract = await DeployAsync();
        var root = RootNamed("twice");
        await contract.AnchorAsync(_deployer, root, 2, Timeout);

        var error = await Assert.ThrowsAsync<ChainException>(() => contract.AnchorAsync(_deployer, root, 2, Timeout));

        Assert.Equal(ChainErrorKind.Reverted, error.Kind);
        Assert.Equal($"LedgerAnchorRootAlreadyAnchored(root={Hex.Encode(root)}, batchId=1)", LedgerAnchorContract.DescribeRevert(error.RevertData));
    }

    [Fact]
    public async Task AZeroRootIsRevertedAlreadyWhenEstimatingGas()
    {
        var contract = await DeployAsync();
        var error = await Assert.ThrowsAsync<ChainException>(
            () => node.Client.EstimateGasAsync(Anchorer, contract.Address, LedgerAnchorContract.EncodeAnchor(new byte[32], 1)));
        Assert.Equal(ChainErrorKind.Reverted, error.Kind);
        Assert.Equal("LedgerAnchorZeroRoot()", LedgerAnchorContract.DescribeRevert(error.RevertData));
    }

    [Fact]
    public async Task AnAccountWithoutTheAnchorerRoleIsRejected()
    {
        var contract = await DeployAsync();
        var outsider = node.Sender(6);

        var error = await Assert.ThrowsAsync<ChainException>(() => contract.AnchorAsync(outsider, RootNamed("intruder"), 1, Timeout));

        Assert.Equal(
            $"AccessControlUnauthorizedAccount(account={outsider.Address}, neededRole={Hex.Encode(LedgerAnchorAbi.AnchorerRole)})",
            LedgerAnchorContract.DescribeRevert(error.RevertData));
    }

    [Fact]
    public async Task ARootAnchoredLogFromAnotherContractIsIgnored()
    {
        var ours = await DeployAsync();
        var impostor = await DeployAsync();
        var receipt = await _deployer.SendAsync(impostor.Address, LedgerAnchorContract.EncodeAnchor(RootNamed("elsewhere"), 1), Timeout);

        Assert.NotNull(impostor.FindRootAnchored(receipt));
        Assert.Null(ours.FindRootAnchored(receipt));
    }

    [Fact]
    public async Task FindingARootOnChainReadsItsLogFromThisContractOnly()
    {
        var ours = await DeployAsync();
        var impostor = await DeployAsync();
        var root = RootNamed("found by logs");
        await impostor.AnchorAsync(_deployer, root, 4, Timeout);
        Assert.Null(await ours.FindRootAnchoredAsync(root, 0));
        await ours.AnchorAsync(_deployer, RootNamed("another root"), 1, Timeout);

        var anchored = await ours.AnchorAsync(_deployer, root, 4, Timeout);
        var found = await ours.FindRootAnchoredAsync(root, 0);

        Assert.Equal(anchored, found);
        Assert.Null(await ours.FindRootAnchoredAsync(RootNamed("never anchored"), 0));
    }

    [Fact]
    public async Task ARootAlreadyAnchoredIsRecognisedFromTheRevert()
    {
        var contract = await DeployAsync();
        var root = RootNamed("recognised");
        await contract.AnchorAsync(_deployer, root, 1, Timeout);

        var error = await Assert.ThrowsAsync<ChainException>(() => _deployer.PrepareAsync(contract.Address, LedgerAnchorContract.EncodeAnchor(root, 1)));
        var other = await Assert.ThrowsAsync<ChainException>(() => _deployer.PrepareAsync(contract.Address, LedgerAnchorContract.EncodeAnchor(new byte[32], 1)));

        Assert.True(LedgerAnchorContract.IsRootAlreadyAnchored(error));
        Assert.False(LedgerAnchorContract.IsRootAlreadyAnchored(other));
    }

    [Fact]
    public async Task VerifyAcceptsOpenZeppelinProofsForEveryLeaf()
    {
        var contract = await DeployAsync();
        var (l0, l1, l2) = (Leaf(Record(0)), Leaf(Record(1)), Leaf(Record(2)));
        var n01 = Node(l0, l1);
        var root = Node(n01, l2);
        await contract.AnchorAsync(_deployer, root, 3, Timeout);

        Assert.True(await contract.VerifyAsync(Record(0), [l1, l2], root));
        Assert.True(await contract.VerifyAsync(Record(1), [l0, l2], root));
        Assert.True(await contract.VerifyAsync(Record(2), [n01], root));
    }

    [Fact]
    public async Task VerifyRejectsATamperedProof()
    {
        var contract = await DeployAsync();
        var (l0, l1, l2) = (Leaf(Record(0)), Leaf(Record(1)), Leaf(Record(2)));
        var root = Node(Node(l0, l1), l2);
        await contract.AnchorAsync(_deployer, root, 3, Timeout);
        var tampered = (byte[])l1.Clone();
        tampered[31] ^= 1;

        Assert.False(await contract.VerifyAsync(Record(0), [tampered, l2], root));
        Assert.False(await contract.VerifyAsync(Record(3), [l1, l2], root));
    }

    [Fact]
    public async Task VerifyRejectsAValidProofForARootThatWasNeverAnchored()
    {
        var contract = await DeployAsync();
        var (l0, l1) = (Leaf(Record(0)), Leaf(Record(1)));
        Assert.False(await contract.VerifyAsync(Record(0), [l1], Node(l0, l1)));
    }

    [Fact]
    public async Task AnAddressWithoutCodeIsAMissingContract()
    {
        var nowhere = new LedgerAnchorContract(node.Client, "0x000000000000000000000000000000000000dEaD");
        var error = await Assert.ThrowsAsync<ChainException>(() => nowhere.EnsureDeployedAsync());
        Assert.Equal(ChainErrorKind.MissingContract, error.Kind);
    }
}
