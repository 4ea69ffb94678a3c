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
        $"{string.Join(", ", OrganisationKinds.All)}; it decides which roles its staff may hold.");

    private readonly RequiredOption<string> _areaCode = new("--area-code", "6 digits", "330106",
        "Its jurisdiction: a 6-digit administrative division code.");

    private readonly Option<string?> _parent = Symbols.Optional("--parent", "id",
        "The registered organisation directly above this one, in the same area or the city or province containing it "
        + "(e.g. the district judicial bureau above a township office); its staff may revoke and correct this one's records.");

    public OrgsCreateCommand() : base("create", "Register an organisation.")
    {
        Options.Add(_id);
        Options.Add(_name);
        Options.Add(_kind);
        Options.Add(_areaCode);
        Options.Add(_parent);
    }

    protected override async Task<int> RunAsync(ParseResult result, string dataDirectory, TextWriter output, TextWriter error, CancellationToken ct)
    {
        await using var store = await OperatorStore.OpenAsync(dataDirectory, error);
        var organisation = await new OrganisationRegistry(store.Db, TimeProvider.System).CreateAsync(
            result.GetRequiredValue(_id), result.GetRequiredValue(_name), result.GetRequiredValue(_kind), result.GetRequiredValue(_areaCode),
            result.GetValue(_parent), ct);
        var below = organisation.ParentId is null ? "" : $", below {organisation.ParentId}";
        await output.WriteLineAsync($"Registered {organisation.Id} ({organisation.Kind}, area {organisation.AreaCode}{below}): {organisation.Name}");
        return 0;
    }
}
