using System.CommandLine;
using Ledger.Cli.CommandLine;
using Ledger.Data.Organisations;

namespace Ledger.Cli.Commands.Orgs;

/// <summary><c>ledger orgs create</c>: registers an organisation whose staff may hold keys; its area code is its jurisdiction.</summary>
internal sealed class OrgsCreateCommand : OperatorCommand
{
    private readonly RequiredOption<string> _id = new("--id", "id", "cn-330106-market-supervision",
        "The organisation's id: lower-case letters, digits and hyphens.");

    private readonly RequiredOption<string> _name = new("--name", "name", "\"Xihu District Market Supervision Bureau\"",
        "Its name, as the public reads it.");

    private readonly RequiredOption<string> _kind = new("--kind", "kind", OrganisationKinds.MarketSupervision,
        "market-supervision, judicial, community, audit or operator; it decides which role its staff may hold.");

    private readonly RequiredOption<string> _areaCode = new("--area-code", "6 digits", "330106",
        "Its jurisdiction: a 6-digit administrative division code.");

    public OrgsCreateCommand() : base("create", "Register an organisation.")
    {
        Options.Add(_id);
        Options.Add(_name);
        Options.Add(_kind);
        Options.Add(_areaCode);
    }

    protected override async Task<int> RunAsync(ParseResult result, string dataDirectory, TextWriter output, TextWriter error, CancellationToken ct)
    {
        await using var store = await OperatorStore.OpenAsync(dataDirectory, error);
        var organisation = await new OrganisationRegistry(store.Db, TimeProvider.System).CreateAsync(
            result.GetRequiredValue(_id), result.GetRequiredValue(_name), result.GetRequiredValue(_kind), result.GetRequiredValue(_areaCode), ct);
        await output.WriteLineAsync($"Registered {organisation.Id} ({organisation.Kind}, area {organisation.AreaCode}): {organisation.Name}");
        return 0;
    }
}
