using Microsoft.AspNetCore.HttpOverrides;
using Ledger.Api.Settings;
using Microsoft.Extensions.Options;

namespace Ledger.Api.Hosting;

/// <summary>
/// Behind a reverse proxy, the client's address and scheme come from <c>X-Forwarded-For</c>/<c>-Proto</c>, but only
/// when the connection comes from one of <see cref="HostingOptions.TrustedProxies"/>; from anyone else the headers are
/// ignored, so a client cannot pick the address its rate limit is counted under. Runs first, so the rate limits, the
/// metrics scrape check and the logs all see the client's address.
/// </summary>
internal static class ForwardedClients
{
    public static IServiceCollection AddLedgerForwardedHeaders(this IServiceCollection services)
    {
        services.AddOptions<HostingOptions>().BindSettings(HostingOptions.Section);
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<HostingOptions>>((forwarded, hosting) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The framework trusts loopback by default; here nothing is trusted unless configured.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var network in hosting.Value.TrustedNetworks())
            {
                forwarded.KnownIPNetworks.Add(network);
            }
            // Walk back through a chain of trusted proxies to the first address none of them is.
            forwarded.ForwardLimit = null;
        });
        return services;
    }
}
