using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ledger.Api.Tests.Records;

/// <summary>
/// Failure injection for a full disk without filling the machine's: while capped, every connection the service opens
/// gets <c>PRAGMA max_page_count</c> at the database's current size, so any write that needs a new page fails with
/// SQLITE_FULL (13) — the very error SQLite gives when the disk is out of space. The pragma holds per connection,
/// hence an interceptor rather than one command; lifting the cap sets the limit back on the next open.
/// </summary>
internal sealed class DiskCap : DbConnectionInterceptor
{
    // Below any current size, so SQLite clamps it to the size the database has now.
    private const string Capped = "PRAGMA max_page_count = 1;";
    private const string Lifted = "PRAGMA max_page_count = 1073741823;";

    private volatile bool _capped;

    public void Cap() => _capped = true;

    public void Lift() => _capped = false;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _capped ? Capped : Lifted;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = _capped ? Capped : Lifted;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
