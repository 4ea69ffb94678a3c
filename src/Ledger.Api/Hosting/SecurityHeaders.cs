namespace Ledger.Api.Hosting;

/// <summary>
/// Response headers that keep browsers from sniffing, framing or caching what the API returns. Set when the response
/// starts, so they are on every answer, error pages included.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>The API returns JSON only: a browser should load nothing because of it.</summary>
    private const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>
    /// Swagger UI loads its scripts from this origin (it has no inline script), sets inline styles, draws icons from
    /// data: URIs and calls only this origin.
    /// </summary>
    private const string SwaggerPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // The static callback with the context as its state: no closure allocated per request.
        context.Response.OnStarting(Apply, context);
        return next(context);
    });

    private static Task Apply(object state)
    {
        var context = (HttpContext)state;
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/swagger") ? SwaggerPolicy
            : PublicPages.PublicPagePolicy.AppliesTo(context.Request.Path) ? PublicPages.PublicPagePolicy.For(context)
            : context.Request.Path.StartsWithSegments("/community") ? Community.CommunityPageApi.Policy
            : ApiPolicy;
        if (context.Request.IsHttps)
        {
            headers.StrictTransportSecurity = "max-age=31536000";
        }
        // Whatever answers a credential (a record, a status, or an error about the credential) is no one else's.
        if (Access.CallerCredentials.Present(context.Request) || context.User.Identity?.IsAuthenticated == true)
        {
            headers.CacheControl = "no-store";
            headers.Pragma = "no-cache";
        }
        return Task.CompletedTask;
    }
}
