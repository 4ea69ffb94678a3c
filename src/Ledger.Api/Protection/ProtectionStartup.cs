using Ledger.Api.Chain;
using Ledger.Api.Settings;
using Ledger.Api.Storage;
using Ledger.Core.Protection;
using Ledger.Data;
using Ledger.Data.Protection;
using Microsoft.Extensions.Options;

namespace Ledger.Api.Protection;

/// <summary>Registers payload protection, and unlocks it at start — or stops the service with a message saying why not.</summary>
internal static class ProtectionStartup
{
    public static IServiceCollection AddLedgerProtection(this IServiceCollection services)
    {
        services.AddOptions<ProtectionOptions>().BindConfiguration(ProtectionOptions.Section);
        services.AddSingleton<ISecureRandom>(SystemSecureRandom.Instance);
        services.AddSingleton<ProtectionKeys>();
        services.AddScoped<SubjectKeyStore>();
        services.AddScoped<EnvelopeVault>();
        return services;
    }

    /// <summary>
    /// Finds the master key, proves it is this database's (the key check), and seals any L2+ envelope an older
    /// version stored in plain text. Runs after the schema migration and before the service takes requests.
    /// </summary>
    /// <exception cref="InvalidOperationException">No master key, or the wrong one; the message names key ids only.</exception>
    public static async Task UnlockLedgerProtectionAsync(this WebApplication app)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Ledger.Api.Protection");
        ResolvedMasterKey resolved;
        try
        {
            resolved = MasterKeySource.Resolve(
                app.Services.GetRequiredService<IOptions<ProtectionOptions>>().Value,
                app.Configuration[MasterKeyFiles.EnvironmentVariable],
                app.Services.GetRequiredService<IOptions<ChainOptions>>().Value,
                app.Services.GetRequiredService<IOptions<StorageOptions>>().Value, log);
        }
        catch (InvalidOperationException e)
        {
            throw new StartupRefusedException(e.Message, e);
        }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
            var random = scope.ServiceProvider.GetRequiredService<ISecureRandom>();
            byte[] secret;
            try
            {
                secret = await KeyCheck.UnlockAsync(db, resolved.Key, random, CancellationToken.None);
            }
            catch (InvalidOperationException e)
            {
                resolved.Key.Dispose();
                throw new StartupRefusedException(e.Message, e);
            }
            catch
            {
                resolved.Key.Dispose();
                throw;
            }
            app.Services.GetRequiredService<ProtectionKeys>().Unlock(resolved.Key, secret);
        }
        log.LogInformation("Payload protection unlocked with master key {MasterKeyId} from {Source}.", resolved.Key.Id, resolved.Source);
        var sealedCount = await LegacyEnvelopeSealing.SealAsync(app.Services, CancellationToken.None);
        if (sealedCount > 0)
        {
            log.LogWarning("Sealed {Count} L2+ envelopes that an earlier version stored in plain text. Old backups still hold them in clear.", sealedCount);
        }
    }
}
