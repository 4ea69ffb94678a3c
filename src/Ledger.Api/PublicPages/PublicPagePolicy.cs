namespace Ledger.Api.PublicPages;

/// <summary>
/// The Content-Security-Policy of the public pages: scripts, styles and images from this service only (none inline),
/// and connections to this service and to the one published chain node the page's own checks call.
/// </summary>
internal static class PublicPagePolicy
{
    /// <summary>True for the verify page, a record's page, receipt and QR codes, their assets, and the food-safety pages (certificate, stall, trace).</summary>
    public static bool AppliesTo(PathString path) => path.StartsWithSegments("/verify") || path.StartsWithSegments("/v")
        || path.StartsWithSegments("/food");

    public static string For(HttpContext context)
    {
        var rpc = context.RequestServices.GetService<PublicChain>()?.Current().RpcOrigin;
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; " +
            $"connect-src 'self'{(rpc is null ? "" : " " + rpc)}; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    }
}
