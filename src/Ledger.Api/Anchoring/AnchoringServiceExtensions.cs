using Ledger.Api.Settings;

namespace Ledger.Api.Anchoring;

/// <summary>Registers batch sealing, the batch state machine, the anchoring lease and the hosted anchoring worker.</summary>
internal static class AnchoringServiceExtensions
{
    public static IServiceCollection AddLedgerAnchoring(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AnchoringOptions>().BindSettings(AnchoringOptions.Section);
        // The sealer writes on a writer's connection (WriterContexts), like the record writer.
        services.AddScoped<Storage.ScopedWriterContext>();
        services.AddScoped(sp => ActivatorUtilities.CreateInstance<BatchSealer>(sp, sp.GetRequiredService<Storage.ScopedWriterContext>().Db));
        services.AddScoped<ContractMove>();
        services.AddSingleton<AnchoringLease>();
        services.AddSingleton<AnchoringWorker>();
        services.AddHealthChecks().AddCheck<AnchoringHealthCheck>("anchoring", tags: ["ready"]);
        // Read leniently here, before anything is validated: a value that is not true or false is refused with the
        // other settings at start (AnchoringOptions.Enabled), in one line, rather than as a binder exception now.
        var enabled = !bool.TryParse(configuration[AnchoringOptions.Section + ":" + nameof(AnchoringOptions.Enabled)], out var configured) || configured;
        services.AddSingleton(new AnchoringStatus(enabled));
        if (enabled)
        {
            services.AddHostedService(sp => sp.GetRequiredService<AnchoringWorker>());
        }
        return services;
    }
}
