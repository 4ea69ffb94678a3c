using Ledger.Api.Records.Writing;
using Ledger.Api.Settings;

namespace Ledger.Api.Correction;

/// <summary>Registers community correction: case chains in the commit pipeline, case reads, their alerts, evidence packages and retention.</summary>
internal static class CorrectionServiceExtensions
{
    public static IServiceCollection AddLedgerCorrection(this IServiceCollection services)
    {
        services.AddScoped<IChainLinker, CaseChains>();
        services.AddScoped<CaseDirectory>();
        services.AddScoped<CaseFileReader>();
        services.AddScoped<CaseIdentities>();
        services.AddScoped<EvidencePackage>();
        services.AddScoped<EvidencePackages>();
        services.AddScoped<AnchoringEvidence>();
        services.AddOptions<CorrectionOptions>().BindSettings(CorrectionOptions.Section);
        services.AddScoped<CaseRetention>();
        services.AddHostedService<CaseRetentionWorker>();
        return services;
    }
}
