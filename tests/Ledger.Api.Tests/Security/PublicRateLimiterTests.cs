using System.Net;
using Ledger.Api.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Ledger.Api.Tests.Security;

/// <summary>The lock-free counter behind the public limit: exact under races, windows on the clock, idle addresses forgotten.</summary>
public sealed class PublicRateLimiterTests
{
    private static readonly IPAddress Client = IPAddress.Parse("203.0.113.7");

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 12, 0, 10, TimeSpan.Zero));

    private PublicRateLimiter Limiter(int limit) =>
        new(Options.Create(new RateLimitOptions { PublicPermitLimit = limit, PublicWindow = TimeSpan.FromMinutes(1) }), _clock);

    [Fact]
    public void AnAddressGetsItsPermitsThenWaitsForTheNextWindowOnTheClock()
    {
        var limiter = Limiter(3);

        var granted = Enumerable.Range(0, 5).Select(i => limiter.TryAcquire(Client, out _)).ToList();
        var refused = limiter.TryAcquire(Client, out var retryAfter);

        Assert.Equal([true, true, true, false, false], granted);
        Assert.False(refused);
        Assert.Equal(TimeSpan.FromSeconds(50), retryAfter); // 12:00:10 → the window ends at 12:01:00
        _clock.Advance(TimeSpan.FromSeconds(50));
        Assert.True(limiter.TryAcquire(Client, out _));
    }

    [Fact]
    public void AddressesAreCountedApart()
    {
        var limiter = Limiter(1);

        Assert.True(limiter.TryAcquire(Client, out _));
        Assert.False(limiter.TryAcquire(Client, out _));
        Assert.True(limiter.TryAcquire(IPAddress.Parse("203.0.113.8"), out _));
        Assert.True(limiter.TryAcquire(null, out _));
    }

    [Fact]
    public async Task RacingRequestsAreCountedExactly()
    {
        const int Limit = 20_000;
        var limiter = Limiter(Limit);
        var granted = 0;

        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 5_000; i++)
            {
                if (limiter.TryAcquire(Client, out _))
                {
                    Interlocked.Increment(ref granted);
                }
            }
        })));

        Assert.Equal(Limit, granted);
    }

    [Fact]
    public void AddressesIdleForAWholeWindowAreForgotten()
    {
        var limiter = Limiter(10);
        for (var i = 0; i < 1_000; i++)
        {
            limiter.TryAcquire(new IPAddress([10, 0, (byte)(i >> 8), (byte)i]), out _);
        }
        Assert.Equal(1_000, limiter.TrackedClients);

        _clock.Advance(TimeSpan.FromMinutes(1));
        limiter.TryAcquire(Client, out _);

        Assert.Equal(1, limiter.TrackedClients);
    }
}
