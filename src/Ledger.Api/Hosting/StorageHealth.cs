namespace Ledger.Api.Hosting;

/// <summary>
/// Whether records can be stored, as the last writes found: "full" from the first write refused for lack of disk
/// space until the next record that commits. Shown by <see cref="StorageHealthCheck"/> in /health/ready.
/// </summary>
public sealed class StorageHealth(TimeProvider time)
{
    private readonly Lock _lock = new();
    private volatile bool _full;
    private DateTimeOffset _since;
    private string _reason = "";

    /// <summary>Since when writes have been refused for lack of space, and SQLite's last word on it; null while writes succeed.</summary>
    public (DateTimeOffset Since, string Reason)? Full
    {
        get
        {
            lock (_lock)
            {
                return _full ? (_since, _reason) : null;
            }
        }
    }

    /// <summary>A write was refused because the disk is full; <paramref name="reason"/> is SQLite's message (no data in it).</summary>
    public void ReportFull(string reason)
    {
        lock (_lock)
        {
            if (!_full)
            {
                _since = time.GetUtcNow();
            }
            _reason = reason;
            _full = true;
        }
    }

    /// <summary>A write committed: there is space again.</summary>
    public void ReportWritten()
    {
        if (!_full)
        {
            return; // the common case: no lock per commit
        }
        lock (_lock)
        {
            _full = false;
        }
    }
}
