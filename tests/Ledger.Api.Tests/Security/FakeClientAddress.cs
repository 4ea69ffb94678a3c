using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Ledger.Api.Tests.Security;

/// <summary>
/// The test server has no network peers; this gives each request the client address named in its
/// <c>X-Test-Client-Address</c> header, so per-address limits can be tested.
/// </summary>
internal sealed class FakeClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, following) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var address) && IPAddress.TryParse(address, out var ip))
            {
                context.Connection.RemoteIpAddress = ip;
            }
            return following(context);
        });
        next(app);
    };
}
