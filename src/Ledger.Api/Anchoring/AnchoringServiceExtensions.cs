namespace Ledger.Api.Anchoring;

/// <summary>Registers batch sealing, the batch state machine, the anchoring lease and the hosted anchoring worker.</summary>
internal static class AnchoringServiceExtensions
{
    public static IServiceCollection AddLedgerAnchoring(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AnchoringOptions>().BindConfiguration(AnchoringOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<BatchSealer>();
        services.AddScoped<ContractMove>();
        services.AddSingleton<AnchoringLease>();
        services.AddSingleton<AnchoringWorker>();
        services.AddHealthChecks().AddCheck<AnchoringHealthCheck>("anchoring", tags: ["ready"]);
        var enabled = configuration.GetValue(AnchoringOptions.Section + ":" + nameof(AnchoringOptions.Enabled), true);
        services.AddSingleton(new AnchoringStatus(enabled));
        if (enabled)
        {
            services.AddHostedService(sp => sp.GetRequiredService<AnchoringWorker>());
        }
        return services;
    }
}
