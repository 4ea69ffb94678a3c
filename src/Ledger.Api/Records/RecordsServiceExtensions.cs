namespace Ledger.Api.Records;

/// <summary>Registers record ingest.</summary>
internal static class RecordsServiceExtensions
{
    public static IServiceCollection AddLedgerRecords(this IServiceCollection services)
    {
        services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<RecordIngest>();
        return services;
    }
}
