namespace Ledger.Api.Anchoring;

/// <summary>Registers batch sealing, the batch state machine and the hosted anchoring worker.</summary>
internal static class AnchoringServiceExtensions
{
    public static IServiceCollection AddLedgerAnchoring(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AnchoringOptions>().BindConfiguration(AnchoringOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<BatchSealer>();
        services.AddSingleton<AnchoringWorker>();
        if (configuration.GetValue(AnchoringOptions.Section + ":" + nameof(AnchoringOptions.Enabled), true))
        {
            services.AddHostedService(sp => sp.GetRequiredService<AnchoringWorker>());
        }
        return services;
    }
}
