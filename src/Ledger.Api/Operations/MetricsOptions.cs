using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Ledger.Api.Operations;

/// <summary>Who may scrape <c>/metrics</c> (configuration section <c>Metrics</c>).</summary>
public sealed class MetricsOptions : IValidatableObject
{
    public const string Section = "Metrics";

    /// <summary>Serve <c>/metrics</c> at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The networks (CIDR, e.g. <c>10.20.0.0/16</c>) whose clients may scrape; by default loopback only. Matched against
    /// the client's address after forwarded headers from trusted proxies are applied, so a public client reaching the
    /// service through the proxy is refused unless its own network is listed.
    /// </summary>
    public string[]? AllowedNetworks { get; set; }

    // A method, not a property: the settings validator reads every property, and this one throws on a bad value.
    private IReadOnlyList<IPNetwork> Networks() =>
        AllowedNetworks is { Length: > 0 } configured ? [.. configured.Select(IPNetwork.Parse)] : [IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128")];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < (AllowedNetworks?.Length ?? 0); i++)
        {
            if (!IPNetwork.TryParse(AllowedNetworks![i], out _))
            {
                yield return new ValidationResult($"Metrics:AllowedNetworks:{i} is not a network in CIDR notation (such as 10.20.0.0/16 or ::1/128).");
            }
        }
    }

    /// <summary>True when <paramref name="client"/> is in one of the allowed networks.</summary>
    public bool Allows(IPAddress? client)
    {
        if (client is null)
        {
            return false;
        }
        var address = client.IsIPv4MappedToIPv6 ? client.MapToIPv4() : client;
        return Networks().Any(n => n.Contains(address));
    }
}
