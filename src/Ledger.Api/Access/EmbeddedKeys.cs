using System.Text.Json;
using Ledger.Api.Storage;
using Ledger.Data;
using Ledger.Data.Access;
using Ledger.Data.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ledger.Api.Access;

/// <summary>
/// In embedded (development) mode, the demo organisations and one ready-to-use API key per role (and per role but
/// admin in the neighbouring district, to try another jurisdiction), kept in
/// <c>embedded-keys.json</c> in the data folder (owner-only permissions) so they survive restarts and can be printed
/// at every start. The database holds only their hashes, as for every other key. Never used with an external chain.
/// </summary>
public sealed class EmbeddedKeys(IServiceScopeFactory scopes, IOptions<StorageOptions> storage, TimeProvider time)
{
    private const string FileName = "embedded-keys.json";

    /// <summary>The demo organisation each role acts for in embedded mode.</summary>
    public static string OrganisationFor(string role) => EmbeddedOrganisations.HomeOf(role);

    /// <summary>The name under which the key of <paramref name="role"/> in the neighbouring (Binjiang) organisation is kept and printed.</summary>
    public static string NeighbourKeyName(string role) => "binjiang-" + role;

    /// <summary>The name under which the key of a correction officer of the judicial office below the Xihu bureau is kept and printed.</summary>
    public const string OfficeOfficerKeyName = "office-correction-officer";

    /// <summary>
    /// Every printed key: its name, role and organisation — each role at home, a correction officer of the judicial
    /// office below the home bureau, and each role but admin next door.
    /// </summary>
    public static IReadOnlyList<(string Name, string Role, string Organisation)> Printed { get; } =
    [
        .. Roles.All.Select(role => (role, role, OrganisationFor(role))),
        (OfficeOfficerKeyName, Roles.CorrectionOfficer, EmbeddedOrganisations.JudicialOffice),
        .. Roles.All.Where(role => role != Roles.Admin).Select(role => (NeighbourKeyName(role), role, EmbeddedOrganisations.NeighbourOf(role))),
    ];

    /// <summary>Registers the demo organisations, and loads the keys, issuing any role's key that is missing, revoked or expired.</summary>
    public async Task<IReadOnlyDictionary<string, string>> EnsureAsync(CancellationToken ct)
    {
        var path = Path.Combine(storage.Value.ResolveDataDirectory(), FileName);
        var keys = File.Exists(path)
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllTextAsync(path, ct)) ?? []
            : [];
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        var organisations = new OrganisationRegistry(db, time);
        foreach (var o in EmbeddedOrganisations.All)
        {
            await organisations.EnsureAsync(o.Id, o.Name, o.Kind, o.AreaCode, o.ParentId, ct);
        }
        var registry = new KeyRegistry(db, time);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var changed = false;
        foreach (var (name, role, organisation) in Printed)
        {
            var id = keys.TryGetValue(name, out var existing) ? ApiKeyText.IdOf(existing) : null;
            if (id is not null && await db.ApiKeys.AnyAsync(k => k.Id == id && k.RevokedAtMs == null && (k.ExpiresAtMs == null || k.ExpiresAtMs > now), ct))
            {
                continue;
            }
            var issued = await registry.CreateAsync(organisation, role, $"embedded {name}", null, null, ct);
            keys[name] = issued.Text;
            changed = true;
        }
        if (changed)
        {
            await File.WriteAllTextAsync(path, JsonSerializer.Serialize(keys, new JsonSerializerOptions { WriteIndented = true }), ct);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
        return keys;
    }
}
