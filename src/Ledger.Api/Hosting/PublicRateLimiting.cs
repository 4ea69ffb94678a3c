using Ledger.Api.Settings;

namespace Ledger.Api.Hosting;

/// <summary>
/// A fixed-window limit per client IP on the anonymous endpoints, so that nobody can scrape or hammer verification.
/// Over the limit the answer is a 429 ProblemDetails with Retry-After. Behind a reverse proxy, configure forwarded
/// headers first, or every client shares the proxy's address. The counting is <see cref="PublicRateLimiter"/>'s.
/// </summary>
internal static class PublicRateLimiting
{
    public static IServiceCollection AddLedgerRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindSettings(RateLimitOptions.Section);
        services.AddSingleton<PublicRateLimiter>();
        return services;
    }

    /// <summary>Puts the endpoints under the public per-address limit.</summary>
    public static TBuilder RequirePublicRateLimit<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(PublicLimit.Instance);

    /// <summary>Counts each request to an endpoint under the public limit, after routing chose it.</summary>
    public static WebApplication UsePublicRateLimit(this WebApplication app)
    {
        var limiter = app.Services.GetRequiredService<PublicRateLimiter>();
        app.Use((context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<PublicLimit>() is null
                || limiter.TryAcquire(context.Connection.RemoteIpAddress, out var retryAfter))
            {
                return next(context);
            }
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            return RetryAfterProblem.WriteAsync(context, StatusCodes.Status429TooManyRequests, "Too many requests",
                $"This address has used its requests for now; try again in {seconds} s.", seconds);
        });
        return app;
    }

    private sealed class PublicLimit
    {
        public static readonly PublicLimit Instance = new();
    }
}
