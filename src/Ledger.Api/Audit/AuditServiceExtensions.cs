namespace Ledger.Api.Audit;

/// <summary>Registers the access trail.</summary>
internal static class AuditServiceExtensions
{
    public static IServiceCollection AddLedgerAccessTrail(this IServiceCollection services)
    {
        services.AddScoped<AccessTrail>();
        services.AddScoped<AccessTrailReader>();
        services.AddScoped<AccessTrailVerifier>();
        return services;
    }
}
