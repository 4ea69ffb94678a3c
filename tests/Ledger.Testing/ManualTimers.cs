namespace Ledger.Testing;

/// <summary>
/// The system clock, with timers that fire only when the test says so: <c>Task.Delay(d, time)</c> in the code under test
/// waits until <see cref="FireAll"/>, whatever d is. Lets a test act between "decided to wait" and "waited".
/// </summary>
public sealed class ManualTimers : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<ManualTimer> _timers = [];

    /// <summary>How many timers are waiting to fire.</summary>
    public int Waiting
    {
        get { lock (_lock) { return _timers.Count(t => t.Armed); } }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state, dueTime);
        lock (_lock)
        {
            _timers.Add(timer);
        }
        return timer;
    }

    /// <summary>Fires every waiting timer once.</summary>
    public void FireAll()
    {
        List<ManualTimer> due;
        lock (_lock)
        {
            due = [.. _timers.Where(t => t.Armed)];
        }
        due.ForEach(t => t.Fire());
    }

    private void Remove(ManualTimer timer)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class ManualTimer(ManualTimers owner, TimerCallback callback, object? state, TimeSpan dueTime) : ITimer
    {
        private volatile bool _armed = dueTime != Timeout.InfiniteTimeSpan;

        public bool Armed => _armed;

        public void Fire()
        {
            _armed = false;
            callback(state);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            _armed = dueTime != Timeout.InfiniteTimeSpan;
            return true;
        }

        public void Dispose() => owner.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
