using System.CommandLine;
using Ledger.Cli.CommandLine;
using Ledger.Data.Issuers;
using Ledger.Data.Organisations;

namespace Ledger.Cli.Commands.Orgs;

/// <summary>
/// <c>ledger orgs rotate-key</c>: retires an organisation's signing key only. The service creates the next one at the
/// organisation's next record, so no key material passes through this command. Run it with the service stopped: a
/// running service caches the current key.
/// </summary>
internal sealed class OrgsRotateKeyCommand : OperatorCommand
{
    private readonly RequiredOption<string> _organisation = new("--org", "id", "cn-330106-market-supervision",
        "The organisation whose signing key to retire.");

    public OrgsRotateKeyCommand() : base("rotate-key",
        "With the service stopped: retire the organisation's signing key. Its next record gets a new key; both changes "
        + "are registered on chain with the next anchored batch.")
    {
        Options.Add(_organisation);
    }

    protected override async Task<int> RunAsync(ParseResult result, string dataDirectory, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var id = result.GetRequiredValue(_organisation);
        await using var store = await OperatorStore.OpenAsync(dataDirectory, error);
        if (await new OrganisationRegistry(store.Db, TimeProvider.System).FindAsync(id, ct) is null)
        {
            await error.WriteLineAsync($"error: there is no organisation '{id}'; `ledger orgs list` shows them.");
            return CliApp.Invalid;
        }
        var retired = await IssuerKeyRegistrations.RetireCurrentAsync(store.Db, id, TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds(), ct);
        if (retired is null)
        {
            await output.WriteLineAsync($"{id} has no signing key yet; it gets one with its first record.");
            return 0;
        }
        await output.WriteLineAsync($"Retired {id}'s signing key {retired}. Its next record gets a new key; the retirement and the new key are registered on chain with the next anchored batch, and records signed with the old key stay verifiable.");
        return 0;
    }
}
