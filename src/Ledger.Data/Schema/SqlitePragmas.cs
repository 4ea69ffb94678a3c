using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ledger.Data.Schema;

/// <summary>
/// Per-connection SQLite settings. <c>synchronous=FULL</c> in WAL mode makes every commit survive power loss, which is
/// what "accepted means durable" requires; <c>busy_timeout</c> lets concurrent writers wait instead of failing;
/// <c>secure_delete</c> overwrites deleted content, so an erased data key does not linger in a free page or a moved cell.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000; PRAGMA secure_delete=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
