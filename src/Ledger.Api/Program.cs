using Ledger.Api.Access;
using Ledger.Api.Audit;
using Ledger.Api.Chain;
using Ledger.Api.Epcis;
using Ledger.Api.Community;
using Ledger.Api.Correction;
using Ledger.Api.Erasure;
using Ledger.Api.Food;
using Ledger.Api.Hosting;
using Ledger.Api.Issuers;
using Ledger.Api.Operations;
using Ledger.Api.Protection;
using Ledger.Api.PublicPages;
using Ledger.Api.Records;
using Ledger.Api.Records.Batch;
using Ledger.Api.RecordTypes;
using Ledger.Api.Revocation;
using Ledger.Api.Settings;
using Ledger.Api.Storage;
using Ledger.Api.Verification;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);

builder.AddLedgerStorage();
builder.AddLedgerServices();

var app = builder.Build();

try
{
    app.ValidateSettings();
    await app.MigrateLedgerStoreAsync();
    await app.UnlockLedgerProtectionAsync();
    if (app.Services.GetRequiredService<IOptions<ChainOptions>>().Value.IsEmbedded)
    {
        await app.Services.GetRequiredService<EmbeddedKeys>().EnsureAsync(CancellationToken.None);
    }

    app.UseLedgerPipeline();
    app.MapRecordsApi();
    app.MapRecordBatchApi();
    app.MapRecordTypesApi();
    app.MapErasureApi();
    app.MapRevocationApi();
    app.MapEpcisApi();
    app.MapFoodTraceApi();
    app.MapFoodPages();
    app.MapTimebankApi();
    app.MapFundApi();
    app.MapDecisionsApi();
    app.MapCommunityPage();
    app.MapCorrectionApi();
    app.MapAccessTrailApi();
    app.MapVerifyApi();
    app.MapPublicPages();
    app.MapIssuersApi();
    app.MapStatusApi();
    app.MapLedgerMetrics();
    app.MapLedgerHealth();

    await app.RunAsync();
    return 0;
}
catch (Exception e) when (StartupRefusal.ProblemsIn(e) is { } problems && StartupRefusal.OwnsProcess)
{
    // A bad setting: one line each on stderr and in the log, exit code 78, and no stack trace.
    StartupRefusal.Report(problems, app.Logger);
    await app.DisposeAsync();
    return StartupRefusal.ExitCode;
}

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
