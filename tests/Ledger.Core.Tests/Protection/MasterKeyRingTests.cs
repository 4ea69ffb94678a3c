using Ledger.Core.Protection;
using static Ledger.Core.Tests.Protection.ProtectionFixtures;

namespace Ledger.Core.Tests.Protection;

public sealed class MasterKeyRingTests
{
    [Fact]
    public void TheRingUnwrapsKeysWrappedUnderARetiredMaster()
    {
        using var retired = Master();
        using var current = OtherMaster();
        using var dataKey = SubjectKey();
        var wrapped = new KeyWrapper().Wrap(dataKey, retired);
        using var reopened = new MasterKeyRing(current, [retired]).Unwrap(wrapped);
        Assert.Equal(dataKey.Material.ToArray(), reopened.Material.ToArray());
    }

    [Fact]
    public void TheRingRefusesKeysUnderAMasterItDoesNotHoldNamingItsId()
    {
        using var absent = Master();
        using var current = OtherMaster();
        using var dataKey = SubjectKey();
        var wrapped = new KeyWrapper().Wrap(dataKey, absent);
        var error = Assert.Throws<KeyUnavailableException>(() => new MasterKeyRing(current, []).Unwrap(wrapped));
        Assert.Contains(absent.Id, error.Message, StringComparison.Ordinal);
        Assert.Contains("not configured", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RewrapToCurrentMovesOldKeysAndLeavesCurrentOnesAlone()
    {
        using var retired = Master();
        using var current = OtherMaster();
        using var dataKey = SubjectKey();
        var ring = new MasterKeyRing(current, [retired]);
        var moved = ring.RewrapToCurrent(new KeyWrapper().Wrap(dataKey, retired));
        Assert.NotNull(moved);
        Assert.Equal(current.Id, KeyWrapper.Inspect(moved).MasterKeyId);
        Assert.Null(ring.RewrapToCurrent(moved));
    }

    [Fact]
    public void ConfiguringTheSameMasterTwiceIsRejected()
    {
        using var current = Master();
        using var again = Master();
        var error = Assert.Throws<ArgumentException>(() => new MasterKeyRing(current, [again]));
        Assert.Contains(current.Id, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IdsListTheCurrentKeyFirst()
    {
        using var current = Master();
        using var retiredA = OtherMaster();
        using var retiredB = MasterKey.Generate(new SeededRandom("third"));
        var ring = new MasterKeyRing(current, [retiredA, retiredB]);
        Assert.Equal([current.Id, retiredA.Id, retiredB.Id], ring.Ids);
        Assert.Same(current, ring.Current);
    }
}
