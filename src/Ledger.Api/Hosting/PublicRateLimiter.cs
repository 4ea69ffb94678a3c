using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;

namespace Ledger.Api.Hosting;

/// <summary>
/// Counts the public requests of each client address in fixed windows (aligned to the clock: 12:00:00–12:01:00, …),
/// without a lock. ASP.NET Core's rate limiter takes two locks per request (its partition table and the window's
/// counter); with every connection of a busy market behind one carrier-grade NAT address, or a benchmark's 64, those
/// locks were the most contended ones on the verify path (docs/benchmarks.md). Here each address has one 64-bit word,
/// the window's number in the high half and its count in the low half, moved on by compare-and-swap: the count is
/// exact however many requests race, and a new window needs no reset step that a racing request could slip past.
/// </summary>
public sealed class PublicRateLimiter
{
    private readonly ConcurrentDictionary<IPAddress, Counter> _clients = new();
    private readonly TimeProvider _time;
    private readonly int _limit;
    private readonly long _windowMs;
    private long _sweptWindow;

    public PublicRateLimiter(IOptions<RateLimitOptions> options, TimeProvider time)
    {
        _time = time;
        _limit = options.Value.PublicPermitLimit;
        _windowMs = (long)options.Value.PublicWindow.TotalMilliseconds;
    }

    /// <summary>Addresses with a counter (for tests: idle ones are forgotten one window after their last request).</summary>
    public int TrackedClients => _clients.Count;

    /// <summary>
    /// Counts one request from <paramref name="client"/>; false when the address has used its window's permits, with
    /// the time until the next window in <paramref name="retryAfter"/>.
    /// </summary>
    public bool TryAcquire(IPAddress? client, out TimeSpan retryAfter)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var window = now / _windowMs;
        SweepOnce(window);
        var counter = _clients.GetOrAdd(client ?? IPAddress.None, static _ => new Counter());
        while (true)
        {
            var seen = Volatile.Read(ref counter.Word);
            var sameWindow = (uint)(seen >>> 32) == (uint)window;
            var count = sameWindow ? (int)(uint)seen : 0;
            if (count >= _limit)
            {
                retryAfter = TimeSpan.FromMilliseconds((window + 1) * _windowMs - now);
                return false;
            }
            var next = ((long)(uint)window << 32) | (uint)(count + 1);
            if (Interlocked.CompareExchange(ref counter.Word, next, seen) == seen)
            {
                retryAfter = TimeSpan.Zero;
                return true;
            }
        }
    }

    // Once per window, by whichever request sees the new window first: forget the addresses idle since before the
    // last one, so that a stream of distinct addresses cannot grow the table without bound. A request racing the
    // removal of its own address's counter may be counted on the removed one, i.e. once too leniently.
    private void SweepOnce(long window)
    {
        var swept = Volatile.Read(ref _sweptWindow);
        if (swept >= window || Interlocked.CompareExchange(ref _sweptWindow, window, swept) != swept)
        {
            return;
        }
        foreach (var (address, counter) in _clients)
        {
            if ((uint)(Volatile.Read(ref counter.Word) >>> 32) != (uint)window)
            {
                _clients.TryRemove(new KeyValuePair<IPAddress, Counter>(address, counter));
            }
        }
    }

    private sealed class Counter
    {
        public long Word;
    }
}
