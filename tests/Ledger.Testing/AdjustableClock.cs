namespace Ledger.Testing;

/// <summary>
/// The system clock, plus an offset a test can move forward: "ten minutes later" without waiting ten minutes.
/// Timers and elapsed-time measurements stay real, so code that polls or delays still behaves.
/// </summary>
public sealed class AdjustableClock : TimeProvider
{
    private long _offsetTicks;

    /// <summary>Now, as the code under test sees it.</summary>
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Moves the clock forward by <paramref name="by"/>.</summary>
    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
