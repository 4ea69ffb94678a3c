using System.ComponentModel.DataAnnotations;

namespace Ledger.Api.Hosting;

/// <summary>Rate limits of the public endpoints, per client IP address (configuration section <c>RateLimits</c>).</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>
    /// Requests one client address may make to the public endpoints per window. Generous, because many buyers
    /// scanning QR codes in one market may share a carrier-grade NAT address.
    /// </summary>
    [Range(1, 1_000_000)]
    public int PublicPermitLimit { get; set; } = 300;

    /// <summary>The window <see cref="PublicPermitLimit"/> counts over.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan PublicWindow { get; set; } = TimeSpan.FromMinutes(1);
}
