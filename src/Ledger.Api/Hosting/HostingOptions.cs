using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Ledger.Api.Hosting;

/// <summary>How the service sits behind proxies and stops (configuration section <c>Hosting</c>).</summary>
public sealed class HostingOptions : IValidatableObject
{
    public const string Section = "Hosting";

    /// <summary>
    /// The reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed: addresses
    /// (<c>10.0.0.5</c>) or networks (<c>10.0.0.0/24</c>). None by default: the headers are then ignored, whoever sends them.
    /// </summary>
    public string[]? TrustedProxies { get; set; }

    /// <summary>
    /// On SIGTERM, how long the service keeps answering 503 with Retry-After before it stops listening, so a load
    /// balancer sees it leave (set it to at least the balancer's health-check interval). Writes already received are
    /// finished either way.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan ShutdownDrain { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The trusted proxies as networks (an address is a network of one).</summary>
    /// <remarks>A method, not a property: the settings validator reads every property, and this one throws on a bad value.</remarks>
    public IReadOnlyList<IPNetwork> TrustedNetworks() => [.. (TrustedProxies ?? []).Select(ParseNetwork)];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < (TrustedProxies?.Length ?? 0); i++)
        {
            if (!IPNetwork.TryParse(TrustedProxies![i], out _) && !IPAddress.TryParse(TrustedProxies[i], out _))
            {
                yield return new ValidationResult($"Hosting:TrustedProxies:{i} is neither an IP address nor a network in CIDR notation (such as 10.0.0.0/24).");
            }
        }
    }

    private static IPNetwork ParseNetwork(string text) =>
        IPNetwork.TryParse(text, out var network) ? network : new IPNetwork(IPAddress.Parse(text), IPAddress.Parse(text).GetAddressBytes().Length * 8);
}
