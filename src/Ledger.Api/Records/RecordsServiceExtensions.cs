using Ledger.Api.Records.Idempotency;
using Ledger.Api.Records.Writing;

namespace Ledger.Api.Records;

/// <summary>Registers record ingest: validation, idempotency and the group-commit writer.</summary>
internal static class RecordsServiceExtensions
{
    public static IServiceCollection AddLedgerRecords(this IServiceCollection services)
    {
        services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<EnvelopeBuilder>();
        services.AddScoped<IdempotencyLookup>();
        services.AddScoped<RecordIngest>();

        services.AddSingleton<IngestStatistics>();
        services.AddSingleton<GroupCommit>();
        services.AddSingleton<IdempotencyExpiry>();
        // One instance is both the queue requests write to and the hosted loop that drains it. The web server stops
        // before hosted services do, so requests in flight still get their commit before the writer closes.
        services.AddSingleton<RecordWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<RecordWriter>());
        return services;
    }
}
