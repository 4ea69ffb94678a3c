namespace Ledger.Data.Leasing;

/// <summary>A named lease with an expiry: whoever holds an unexpired one is the only instance doing that work.</summary>
public sealed class Lease
{
    public required string Name { get; init; }
    /// <summary>The instance holding it (host, process and a random part).</summary>
    public required string Holder { get; set; }
    /// <summary>Unix milliseconds; after this anyone may take it.</summary>
    public required long ExpiresAtMs { get; set; }
    /// <summary>When the current holder first took it, Unix milliseconds.</summary>
    public required long AcquiredAtMs { get; set; }
}
