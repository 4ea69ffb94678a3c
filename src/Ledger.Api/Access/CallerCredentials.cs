using Microsoft.AspNetCore.Authentication;

namespace Ledger.Api.Access;

/// <summary>Whether a request carries a credential at all, and authentication only for those that do.</summary>
internal static class CallerCredentials
{
    // What UseAuthentication() sets on the application builder; while it is unset, WebApplication adds a second
    // authentication middleware at the head of the pipeline on its own (CallerCredentialsTests would see it run twice).
    private const string AuthenticationMiddlewareSet = "__AuthenticationMiddlewareSet";

    /// <summary>An API key or an Authorization header (a bearer token).</summary>
    public static bool Present(HttpRequest request) =>
        request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName) || request.Headers.ContainsKey("Authorization");

    /// <summary>
    /// ASP.NET Core's authentication middleware, for requests that carry a credential. Without one, both schemes answer
    /// "no result" (the API-key handler when its header is absent, the bearer scheme is never chosen), so the caller
    /// stays anonymous either way; skipping them saves building two handlers on every public look-up
    /// (docs/benchmarks.md, "Fifth round"). Endpoints that need a caller still challenge through the authorisation
    /// middleware, as before.
    /// </summary>
    public static IApplicationBuilder UseAuthenticationOfCredentials(this IApplicationBuilder app)
    {
        var schemes = app.ApplicationServices.GetRequiredService<IAuthenticationSchemeProvider>();
        app.Properties[AuthenticationMiddlewareSet] = true;
        return app.Use(next =>
        {
            var authenticate = new AuthenticationMiddleware(next, schemes);
            return context => Present(context.Request) ? authenticate.Invoke(context) : next(context);
        });
    }
}
