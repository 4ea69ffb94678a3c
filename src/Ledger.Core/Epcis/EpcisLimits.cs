namespace Ledger.Core.Epcis;

/// <summary>How large an EPCIS document the parser accepts.</summary>
public sealed record EpcisLimits
{
    /// <summary>The limits capture uses: 10,000 events, 32 MiB, nesting 64 deep.</summary>
    public static EpcisLimits Default { get; } = new();

    /// <summary>At most this many events in one document (the capture limit).</summary>
    public int MaxEvents { get; init; } = 10_000;

    /// <summary>At most this many bytes of UTF-8 JSON.</summary>
    public int MaxBytes { get; init; } = 32 * 1024 * 1024;

    /// <summary>At most this deep a nesting of objects and arrays (a real event needs under 10).</summary>
    public int MaxDepth { get; init; } = 64;
}
