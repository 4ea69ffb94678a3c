using Ledger.Api.Epcis;
using Ledger.Api.Audit;
using Ledger.Api.Community;
using Ledger.Api.Erasure;
using Ledger.Api.Hosting;
using Ledger.Api.Issuers;
using Ledger.Api.Protection;
using Ledger.Api.Records.Idempotency;
using Ledger.Api.Records.Writing;
using Ledger.Api.Revocation;
using Ledger.Api.Settings;

namespace Ledger.Api.Records;

/// <summary>Registers record ingest (validation, sealing and signing, idempotency, the group-commit writer), erasure and the access trail.</summary>
internal static class RecordsServiceExtensions
{
    public static IServiceCollection AddLedgerRecords(this IServiceCollection services)
    {
        services.AddOptions<IngestOptions>().BindSettings(IngestOptions.Section);
        services.AddLedgerProtection();
        services.AddLedgerIssuers();
        services.AddSingleton<EnvelopeBuilder>();
        services.AddScoped<RecordProtector>();
        services.AddScoped<RecordPipeline>();
        services.AddLedgerErasure();
        services.AddLedgerRevocation();
        services.AddLedgerEpcis();
        services.AddLedgerCommunity();
        services.AddLedgerAccessTrail();
        services.AddScoped<IdempotencyLookup>();
        services.AddScoped<RecordIngest>();
        services.AddSingleton<Batch.RecordBatchIngest>();
        services.AddScoped<Corrections.CorrectionTargets>();

        services.AddSingleton<IngestStatistics>();
        services.AddSingleton<StorageHealth>();
        services.AddSingleton<Storage.WriterContexts>();
        services.AddSingleton<GroupCommit>();
        services.AddSingleton<IdempotencyExpiry>();
        // One instance is both the queue requests write to and the hosted loop that drains it. The web server stops
        // before hosted services do, so requests in flight still get their commit before the writer closes.
        services.AddSingleton<RecordWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<RecordWriter>());
        return services;
    }
}
