using Ledger.Data.Organisations;

namespace Ledger.Cli.Commands;

/// <summary><c>ledger orgs create|list</c>: the organisations whose staff hold keys; an organisation's area code is its jurisdiction.</summary>
internal static class OrgsCommand
{
    private const string CreateUsage = "ledger orgs create --data-dir <dir> --id <id> --name <name> --kind <kind> --area-code <6 digits>";
    private const string ListUsage = "ledger orgs list --data-dir <dir>";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0)
        {
            throw new UsageException($"orgs needs create or list. Usage: {CreateUsage}");
        }
        try
        {
            return args[0] switch
            {
                "create" => await CreateAsync(CommandOptions.Parse(args[1..], "orgs create", OperatorStore.DataDirOption, "--id", "--name", "--kind", "--area-code"), output, error),
                "list" => await ListAsync(CommandOptions.Parse(args[1..], "orgs list", OperatorStore.DataDirOption), output, error),
                var other => throw new UsageException($"Unknown orgs command '{other}'; use create or list."),
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
}
