using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ledger.Data.Schema;

/// <summary>
/// Per-connection SQLite settings (<see cref="Store"/> on every connection of the store, <see cref="Writers"/> added on
/// the writers', <see cref="WriterConnections"/>). They belong to the native connection, which Microsoft.Data.Sqlite's
/// pool hands out again and again, so they are set once per native connection rather than on every open (five
/// statements on every request's open, before).
/// </summary>
internal sealed class SqlitePragmas(string pragmas) : DbConnectionInterceptor
{
    /// <summary>
    /// <c>synchronous=FULL</c> in WAL mode makes every commit survive power loss, which is what "accepted means durable"
    /// requires; <c>busy_timeout</c> lets concurrent writers wait instead of failing; <c>secure_delete</c> overwrites
    /// deleted content, so an erased data key does not linger in a free page or a moved cell.
    /// </summary>
    public const string Store = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000; PRAGMA secure_delete=ON;";

    /// <summary>Statement journals (and sorts) in memory: see <see cref="WriterConnections"/>.</summary>
    public const string Writers = "PRAGMA temp_store=MEMORY;";

    // Native connections already given these settings; weak, so a connection the pool closes is forgotten with it.
    private readonly ConditionalWeakTable<object, object> _configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (AlreadyConfigured(connection))
        {
            return;
        }
        using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        command.ExecuteNonQuery();
        Remember(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (AlreadyConfigured(connection))
        {
            return;
        }
        await using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        Remember(connection);
    }

    private bool AlreadyConfigured(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && _configured.TryGetValue(handle, out _);

    // Only once the pragmas ran: a native connection whose configuration failed is configured again at its next open.
    private void Remember(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            _configured.TryAdd(handle, handle);
        }
    }
}
