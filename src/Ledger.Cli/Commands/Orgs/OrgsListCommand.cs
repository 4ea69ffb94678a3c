using System.CommandLine;
using Ledger.Data.Organisations;

namespace Ledger.Cli.Commands.Orgs;

/// <summary><c>ledger orgs list</c>: the registered organisations, one a line.</summary>
internal sealed class OrgsListCommand() : OperatorCommand("list", "List organisations: id, kind, area code, the organisation above it and name.")
{
    protected override async Task<int> RunAsync(ParseResult result, string dataDirectory, TextWriter output, TextWriter error, CancellationToken ct)
    {
        await using var store = await OperatorStore.OpenAsync(dataDirectory, error);
        var organisations = await new OrganisationRegistry(store.Db, TimeProvider.System).ListAsync(ct);
        await output.WriteLineAsync(Table.Render(["ID", "KIND", "AREA", "PARENT", "NAME"], organisations.Select(o => new[] { o.Id, o.Kind, o.AreaCode, o.ParentId ?? "-", o.Name })));
        return 0;
    }
}
