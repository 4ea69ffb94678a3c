using Ledger.Api.Records.Writing;

namespace Ledger.Api.Correction;

/// <summary>Registers community correction: case chains in the commit pipeline, case reads, their alerts and evidence packages.</summary>
internal static class CorrectionServiceExtensions
{
    public static IServiceCollection AddLedgerCorrection(this IServiceCollection services)
    {
        services.AddScoped<IChainLinker, CaseChains>();
        services.AddScoped<CaseDirectory>();
        services.AddScoped<CaseFileReader>();
        services.AddScoped<CaseIdentities>();
        services.AddScoped<EvidencePackage>();
        services.AddScoped<AnchoringEvidence>();
        return services;
    }
}
