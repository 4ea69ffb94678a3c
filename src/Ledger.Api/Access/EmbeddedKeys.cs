using System.Text.Json;
using Ledger.Api.Storage;
using Ledger.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ledger.Api.Access;

/// <summary>
/// In embedded (development) mode, one ready-to-use API key per role, kept in <c>embedded-keys.json</c> in the data
/// folder (owner-only permissions) so they survive restarts and can be printed at every start. The database holds
/// only their hashes, as for every other key. Never used with an external chain.
/// </summary>
public sealed class EmbeddedKeys(IServiceScopeFactory scopes, IOptions<StorageOptions> storage, TimeProvider time)
{
    private const string FileName = "embedded-keys.json";

    /// <summary>The demo organisation each role acts for in embedded mode.</summary>
    public static string OrganisationFor(string role) => role switch
    {
        Roles.Inspector => "demo-market-supervision-bureau",
        Roles.CorrectionOfficer => "demo-judicial-bureau",
        Roles.CommunityWorker => "demo-community-committee",
        Roles.Auditor => "demo-audit-office",
        _ => "demo-ledger-operator",
    };

    /// <summary>Loads the keys, creating (and storing) any role's key that is missing or unknown to the database.</summary>
    public async Task<IReadOnlyDictionary<string, string>> EnsureAsync(CancellationToken ct)
    {
        var path = Path.Combine(storage.Value.ResolveDataDirectory(), FileName);
        var keys = File.Exists(path)
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllTextAsync(path, ct)) ?? []
            : [];
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        var changed = false;
        foreach (var role in Roles.All)
        {
            var id = keys.TryGetValue(role, out var existing) ? ApiKeyIssuer.IdOf(existing) : null;
            if (id is not null && await db.ApiKeys.AnyAsync(k => k.Id == id && k.RevokedAtMs == null, ct))
            {
                continue;
            }
            var (entity, key) = ApiKeyIssuer.Create(role, OrganisationFor(role), $"embedded {role}", time);
            db.ApiKeys.Add(entity);
            keys[role] = key;
            changed = true;
        }
        if (changed)
        {
            await db.SaveChangesAsync(ct);
            await File.WriteAllTextAsync(path, JsonSerializer.Serialize(keys, new JsonSerializerOptions { WriteIndented = true }), ct);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
        return keys;
    }
}
