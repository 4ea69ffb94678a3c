using System.Text.Json;
using Ledger.Api.Access;
using Ledger.Api.Anchoring;
using Ledger.Api.Chain;
using Ledger.Api.Correction;
using Ledger.Api.Operations;
using Ledger.Api.Problems;
using Ledger.Api.PublicPages;
using Ledger.Api.Records;
using Ledger.Api.Settings;
using Ledger.Core.Records;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ledger.Api.Hosting;

/// <summary>The service's wiring, in the order Program.cs reads.</summary>
internal static class HostingExtensions
{
    public static WebApplicationBuilder AddLedgerServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ISaltSource, CryptoSaltSource>();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = StatusCodeProblems.Describe);
        services.AddExceptionHandler<LedgerProblemHandler>();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never;
            o.SerializerOptions.MaxDepth = 32;
        });

        services.AddOptions<ChainOptions>().BindSettings(ChainOptions.Section).PostConfigure(o => o.ApplyDeployment());

        services.AddLedgerAccess();
        services.AddLedgerForwardedHeaders();
        services.AddLedgerRateLimiting();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            // Bodies beyond any accepted record are cut off by the server; the record reader applies the exact limit.
            k.Limits.MaxRequestBodySize = MaxServerBodyBytes(builder.Configuration);
        });

        services.AddLedgerRecords();
        services.AddLedgerCorrection();
        services.AddLedgerPublicPages();

        services.AddHttpClient("chain", c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<ChainRuntime>();
        services.AddSingleton<EmbeddedChainSupervisor>();
        // Order matters: the chain connects before the worker starts and before the banner prints.
        services.AddHostedService<ChainStartup>();
        services.AddLedgerAnchoring(builder.Configuration);
        services.AddHostedService<StartupBanner>();

        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<StorageHealthCheck>("storage", tags: ["ready"])
            .AddCheck<ChainHealthCheck>("chain", tags: ["ready"]);

        services.AddLedgerOpenApi();
        services.AddLedgerMetrics();
        // Registered last, so on stop it closes the door before anything else stops (ShutdownGate).
        services.AddSingleton<ShutdownGate>();
        services.AddHostedService(sp => sp.GetRequiredService<ShutdownGate>());
        builder.AddLedgerLogFormat();
        // Paths are never logged, whatever level is configured, because a case's path carries its reference
        // (docs/security.md): off, the hosting diagnostics write no request lines and open no RequestPath scope around
        // every other line (the trace and span ids stay); the router's path matching is not traced. The endpoint lines
        // ("Executing endpoint …") name the route template only.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Routing.Matching", LogLevel.Information);
        return builder;
    }

    public static WebApplication UseLedgerPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseRequestIdScope();
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        ShutdownGate.UseShutdownGate(app);
        // Swagger's two middlewares match every path against their templates; only /swagger can be theirs.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/swagger"), swagger =>
        {
            swagger.UseSwagger();
            swagger.UseSwaggerUI(o => o.DocumentTitle = "Ledger API");
        });
        app.UsePublicRateLimit();
        app.UseAuthenticationOfCredentials();
        app.UseAuthorization();
        return app;
    }

    // At least 1 MiB, and room for the largest record the ingest limit allows. Read leniently: a malformed value is
    // refused with the other settings (IngestOptions), in one line, before the server starts.
    private static long MaxServerBodyBytes(IConfiguration configuration) =>
        Math.Max(1024 * 1024, long.TryParse(configuration[$"{IngestOptions.Section}:{nameof(IngestOptions.MaxBodyBytes)}"],
            System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var bytes) ? bytes : 0) + 64 * 1024;

    public static WebApplication MapLedgerHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteHealthAsync })
            .WithTags("Health");
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteHealthAsync })
            .WithTags("Health");
        return app;
    }

    private static Task WriteHealthAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                data = e.Value.Data,
            }),
        }, JsonSerializerOptions.Web);
    }
}
