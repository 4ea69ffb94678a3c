namespace Ledger.Testing;

/// <summary>
/// The system clock, plus an offset a test can move forward: "ten minutes later" without waiting ten minutes.
/// Timers and elapsed-time measurements stay real, so code that polls or delays still behaves.
/// </summary>
/// <remarks>
/// Not FakeTimeProvider, which the frozen-clock tests use: this clock drives a whole running service against a real
/// chain node, whose receipt polling and reconnect delays wait on this provider's timers and whose timeouts read its
/// timestamps. A FakeTimeProvider's timers fire and its timestamps move only when the test advances it, so those
/// waits never end (tried: <c>NonceDriftTests</c> then hangs); here time passes as it does in production, and only
/// "now" jumps.
/// </remarks>
public sealed class AdjustableClock : TimeProvider
{
    private long _offsetTicks;

    /// <summary>Now, as the code under test sees it.</summary>
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Moves the clock forward by <paramref name="by"/>.</summary>
    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
