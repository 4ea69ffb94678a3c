using System.CommandLine;
using Ledger.Cli.CommandLine;
using Ledger.Data.Access;

namespace Ledger.Cli.Commands.Keys;

/// <summary><c>ledger keys revoke &lt;key-id&gt;</c>: a key stops working at once.</summary>
internal sealed class KeysRevokeCommand : OperatorCommand
{
    private readonly Argument<string> _key = Symbols.Value("key-id", "The key's id (ldg_…), as `ledger keys list` shows it; a whole key will do.");

    public KeysRevokeCommand() : base("revoke", "Revoke a key at once.")
    {
        Arguments.Add(_key);
    }

    protected override async Task<int> RunAsync(ParseResult result, string dataDirectory, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var given = result.GetRequiredValue(_key);
        // Someone may paste the whole key; only its id part is needed (and nothing of it is printed).
        var id = ApiKeyText.IdOf(given) ?? given;
        await using var store = await OperatorStore.OpenAsync(dataDirectory, error);
        var revoked = await new KeyRegistry(store.Db, TimeProvider.System).RevokeAsync(id, ct);
        await output.WriteLineAsync(revoked ? $"Revoked {id}; it stops working at once." : $"{id} was already revoked.");
        return 0;
    }
}
