using System.CommandLine;
using Ledger.Data.Access;

namespace Ledger.Cli.Commands.Keys;

/// <summary><c>ledger keys list</c>: every key by its id (the visible prefix), never a secret.</summary>
internal sealed class KeysListCommand() : OperatorCommand("list", "List keys: id, role, organisation, staff, label, dates and state (never secrets).")
{
    protected override async Task<int> RunAsync(ParseResult result, string dataDirectory, TextWriter output, TextWriter error, CancellationToken ct)
    {
        await using var store = await OperatorStore.OpenAsync(dataDirectory, error);
        var keys = await new KeyRegistry(store.Db, TimeProvider.System).ListAsync(ct);
        var now = DateTimeOffset.UtcNow;
        var rows = keys.Select(k => new[]
        {
            k.Id, k.Role, k.Organisation, k.StaffId ?? "-", k.Label, Table.Time(k.CreatedAt),
            k.ExpiresAt is { } e ? Table.Time(e) : "never",
            k.RevokedAt is { } r ? $"revoked {Table.Time(r)}" : k.ExpiresAt <= now ? "expired" : "active",
        });
        await output.WriteLineAsync(Table.Render(["KEY", "ROLE", "ORGANISATION", "STAFF", "LABEL", "CREATED", "EXPIRES", "STATE"], rows));
        return 0;
    }
}
