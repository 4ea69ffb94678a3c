using System.Globalization;
using Ledger.Data.Access;
using Ledger.Data.Organisations;

namespace Ledger.Cli.Commands;

/// <summary>
/// <c>ledger keys create|list|revoke</c>: API keys for staff of registered organisations. A new key is printed once
/// and only its hash is stored; lists show ids (the visible prefix), never secrets.
/// </summary>
internal static class KeysCommand
{
    private const string CreateUsage = "ledger keys create --data-dir <dir> --org <id> --role <role> [--expires-in 90d] [--label <text>] [--staff <id>]";
    private const string ListUsage = "ledger keys list --data-dir <dir>";
    private const string RevokeUsage = "ledger keys revoke --data-dir <dir> <key-id>";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0)
        {
            throw new UsageException($"keys needs create, list or revoke. Usage: {CreateUsage}");
        }
        try
        {
            return args[0] switch
            {
                "create" => await CreateAsync(CommandOptions.Parse(args[1..], "keys create", OperatorStore.DataDirOption, "--org", "--role", "--expires-in", "--label", "--staff"), output, error),
                "list" => await ListAsync(CommandOptions.Parse(args[1..], "keys list", OperatorStore.DataDirOption), output, error),
                "revoke" => await RevokeAsync(CommandOptions.Parse(args[1..], "keys revoke", OperatorStore.DataDirOption), output, error),
                var other => throw new UsageException($"Unknown keys command '{other}'; use create, list or revoke."),
            };
        }
        catch (RegistryException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return CliApp.Invalid;
        }
    }

    private static async Task<int> CreateAsync(CommandOptions options, TextWriter output, TextWriter error)
    {
        options.ExpectPositionals(0, CreateUsage);
        var organisation = options.Required("--org", "cn-330106-market-supervision");
        var role = options.Required("--role", StaffRoles.Inspector);
        var lifetime = options.Optional("--expires-in") is { } text ? Lifetime.Parse(text) : (TimeSpan?)null;
        await using var store = await OperatorStore.OpenAsync(options.Required(OperatorStore.DataDirOption, "/var/lib/ledger"), error);
        var issued = await new KeyRegistry(store.Db, TimeProvider.System)
            .CreateAsync(organisation, role, options.Optional("--label"), lifetime, options.Optional("--staff"), CancellationToken.None);
        await output.WriteLineAsync($"Created key {issued.Key.Id} for staff {issued.Staff.Id} ({issued.Key.Role} of {issued.Key.Organisation}), " +
            $"expires {Format(DateTimeOffset.FromUnixTimeMilliseconds(issued.Key.ExpiresAtMs!.Value))}.");
        await output.WriteLineAsync();
        await output.WriteLineAsync($"  {issued.Text}");
        await output.WriteLineAsync();
        await output.WriteLineAsync("Store this key now, somewhere only its holder can read: it is shown once and cannot be recovered");
        await output.WriteLineAsync("(only its hash is kept). Send it as the X-Api-Key header. Revoke it with `ledger keys revoke`.");
        return 0;
    }

    private static async Task<int> ListAsync(CommandOptions options, TextWriter output, TextWriter error)
    {
        options.ExpectPositionals(0, ListUsage);
        await using var store = await OperatorStore.OpenAsync(options.Required(OperatorStore.DataDirOption, "/var/lib/ledger"), error);
        var keys = await new KeyRegistry(store.Db, TimeProvider.System).ListAsync(CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        var rows = keys.Select(k => new[]
        {
            k.Id, k.Role, k.Organisation, k.StaffId ?? "-", k.Label, Format(k.CreatedAt),
            k.ExpiresAt is { } e ? Format(e) : "never",
            k.RevokedAt is { } r ? $"revoked {Format(r)}" : k.ExpiresAt <= now ? "expired" : "active",
        });
        await output.WriteLineAsync(Table.Render(["KEY", "ROLE", "ORGANISATION", "STAFF", "LABEL", "CREATED", "EXPIRES", "STATE"], rows));
        return 0;
    }

    private static async Task<int> RevokeAsync(CommandOptions options, TextWriter output, TextWriter error)
    {
        options.ExpectPositionals(1, RevokeUsage);
        // Someone may paste the whole key; only its id part is needed (and nothing of it is printed).
        var id = ApiKeyText.IdOf(options.Positionals[0]) ?? options.Positionals[0];
        await using var store = await OperatorStore.OpenAsync(options.Required(OperatorStore.DataDirOption, "/var/lib/ledger"), error);
        var revoked = await new KeyRegistry(store.Db, TimeProvider.System).RevokeAsync(id, CancellationToken.None);
        await output.WriteLineAsync(revoked ? $"Revoked {id}; it stops working at once." : $"{id} was already revoked.");
        return 0;
    }

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
