using Ledger.Data.Issuers;
using Ledger.Data.Organisations;

namespace Ledger.Cli.Commands;

/// <summary><c>ledger orgs create|list</c>: the organisations whose staff hold keys; an organisation's area code is its jurisdiction.</summary>
internal static class OrgsCommand
{
    private const string CreateUsage = "ledger orgs create --data-dir <dir> --id <id> --name <name> --kind <kind> --area-code <6 digits>";
    private const string ListUsage = "ledger orgs list --data-dir <dir>";
    private const string RotateKeyUsage = "ledger orgs rotate-key --data-dir <dir> --org <id>";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0)
        {
            throw new UsageException($"orgs needs create, list or rotate-key. Usage: {CreateUsage}");
        }
        try
        {
            return args[0] switch
            {
                "create" => await CreateAsync(CommandOptions.Parse(args[1..], "orgs create", OperatorStore.DataDirOption, "--id", "--name", "--kind", "--area-code"), output, error),
                "list" => await ListAsync(CommandOptions.Parse(args[1..], "orgs list", OperatorStore.DataDirOption), output, error),
                "rotate-key" => await RotateKeyAsync(CommandOptions.Parse(args[1..], "orgs rotate-key", OperatorStore.DataDirOption, "--org"), output, error),
                var other => throw new UsageException($"Unknown orgs command '{other}'; use create, list or rotate-key."),
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
        var id = options.Required("--id", "cn-330106-market-supervision");
        var name = options.Required("--name", "\"Xihu District Market Supervision Bureau\"");
        var kind = options.Required("--kind", OrganisationKinds.MarketSupervision);
        var areaCode = options.Required("--area-code", "330106");
        await using var store = await OperatorStore.OpenAsync(options.Required(OperatorStore.DataDirOption, "/var/lib/ledger"), error);
        var organisation = await new OrganisationRegistry(store.Db, TimeProvider.System).CreateAsync(id, name, kind, areaCode, CancellationToken.None);
        await output.WriteLineAsync($"Registered {organisation.Id} ({organisation.Kind}, area {organisation.AreaCode}): {organisation.Name}");
        return 0;
    }

    private static async Task<int> ListAsync(CommandOptions options, TextWriter output, TextWriter error)
    {
        options.ExpectPositionals(0, ListUsage);
        await using var store = await OperatorStore.OpenAsync(options.Required(OperatorStore.DataDirOption, "/var/lib/ledger"), error);
        var organisations = await new OrganisationRegistry(store.Db, TimeProvider.System).ListAsync(CancellationToken.None);
        await output.WriteLineAsync(Table.Render(["ID", "KIND", "AREA", "NAME"], organisations.Select(o => new[] { o.Id, o.Kind, o.AreaCode, o.Name })));
        return 0;
    }

    // Retires the signing key only: the service creates the next one at the organisation's next record, so no key
    // material passes through this command. Run with the service stopped, which caches the current key.
    private static async Task<int> RotateKeyAsync(CommandOptions options, TextWriter output, TextWriter error)
    {
        options.ExpectPositionals(0, RotateKeyUsage);
        var id = options.Required("--org", "cn-330106-market-supervision");
        await using var store = await OperatorStore.OpenAsync(options.Required(OperatorStore.DataDirOption, "/var/lib/ledger"), error);
        if (await new OrganisationRegistry(store.Db, TimeProvider.System).FindAsync(id, CancellationToken.None) is null)
        {
            await error.WriteLineAsync($"error: there is no organisation '{id}'; `ledger orgs list` shows them.");
            return CliApp.Invalid;
        }
        var retired = await IssuerKeyRegistrations.RetireCurrentAsync(store.Db, id, TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds(), CancellationToken.None);
        if (retired is null)
        {
            await output.WriteLineAsync($"{id} has no signing key yet; it gets one with its first record.");
            return 0;
        }
        await output.WriteLineAsync($"Retired {id}'s signing key {retired}. Its next record gets a new key; the retirement and the new key are registered on chain with the next anchored batch, and records signed with the old key stay verifiable.");
        return 0;
    }
}
