using System.Threading.RateLimiting;
using Ledger.Api.Settings;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Ledger.Api.Hosting;

/// <summary>
/// A fixed-window limit per client IP on the anonymous endpoints, so that nobody can scrape or hammer verification.
/// Over the limit the answer is a 429 ProblemDetails with Retry-After. Behind a reverse proxy, configure forwarded
/// headers first, or every client shares the proxy's address.
/// </summary>
internal static class PublicRateLimiting
{
    /// <summary>The policy name public endpoints use with <c>RequireRateLimiting</c>.</summary>
    public const string Policy = "public";

    public static IServiceCollection AddLedgerRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindSettings(RateLimitOptions.Section);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RejectAsync;
            o.AddPolicy(Policy, context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(ClientOf(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.PublicPermitLimit,
                    Window = limits.PublicWindow,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
        });
        return services;
    }

    private static string ClientOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 1;
        await RetryAfterProblem.WriteAsync(context, StatusCodes.Status429TooManyRequests, "Too many requests",
            $"This address has used its requests for now; try again in {seconds} s.", seconds);
    }
}
