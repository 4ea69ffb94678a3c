using Ledger.Api.Verification;

namespace Ledger.Api.Tests.Verification;

/// <summary>The proofs' tree cache holds what it was given, by root, and never more bytes than its budget.</summary>
public sealed class BatchTreeCacheTests
{
    [Fact]
    public void ATreeKeptIsFoundByItsRootAndNoOther()
    {
        using var cache = new BatchTreeCache(1024);
        var tree = new byte[96];
        cache.Keep("0xaa", tree);
        Assert.Same(tree, cache.Find("0xaa"));
        Assert.Null(cache.Find("0xbb"));
    }

    [Fact]
    public void ATreeThatWouldOverflowTheBudgetIsNotKept()
    {
        using var cache = new BatchTreeCache(100);
        cache.Keep("0xaa", new byte[64]);
        cache.Keep("0xbb", new byte[64]);
        cache.Keep("0xcc", new byte[200]);
        // Refused at once; making room for later trees happens in the background, so 0xaa may or may not be left.
        Assert.Null(cache.Find("0xbb"));
        Assert.Null(cache.Find("0xcc"));
    }
}
