using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Ledger.Data.Locking;

/// <summary>
/// The one write lock of the store, on either provider. Every transaction that reads stored state and writes what
/// follows from it (a group of records with their rules, chains and idempotency keys; sealing a batch; a batch's
/// state change; a key rotation) begins here. On SQLite the transaction begins with <c>BEGIN IMMEDIATE</c> and so
/// holds the database's single write lock from its first statement. On PostgreSQL its first statement takes a
/// transaction-level advisory lock on <see cref="WriteKey"/> (<c>pg_advisory_xact_lock</c>), released by the commit
/// or rollback: the same one-writer-at-a-time order across every instance sharing the database, while readers never
/// wait. Under READ COMMITTED each later statement sees every commit made before the lock was granted, so a rule's
/// read of stored state and the insert that follows it are one step, as on SQLite (docs/reliability.md).
/// </summary>
public static class WriteLock
{
    /// <summary>The advisory lock key of the ledger's writers ("LEDGERW" in ASCII, 0x4C45444745525700).</summary>
    public const long WriteKey = 0x4C45444745525700;

    /// <summary>The advisory lock key that lets one instance at a time apply schema scripts.</summary>
    public const long SchemaKey = 0x4C45444745525300;

    /// <summary>Begins a transaction that holds the store's write lock until it ends.</summary>
    /// <remarks>On SQLite the writers of this process first queue on an in-process gate per database file, and only
    /// the one holding it issues <c>BEGIN IMMEDIATE</c>. Without the gate a writer that finds the lock taken by another
    /// writer of the same process (the record writer behind the anchoring worker, say) is put to sleep by SQLite's
    /// busy handler, in steps of up to 100 ms, long after the lock was freed: under load that was most of ingest's
    /// tail latency (docs/benchmarks.md). The busy timeout still covers writers in other processes (the operator
    /// commands).</remarks>
    public static async Task<IDbContextTransaction> BeginWriteTransactionAsync(this DatabaseFacade database, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (database.IsPostgreSql())
        {
            var tx = await database.BeginTransactionAsync(ct);
            try
            {
                await database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({WriteKey})", ct);
            }
            catch
            {
                await tx.DisposeAsync();
                throw;
            }
            return tx;
        }
        if (database.CurrentTransaction is not null)
        {
            // EF Core refuses a second transaction on one context: let it say so rather than wait on our own gate.
            return await database.BeginTransactionAsync(ct);
        }
        var gate = Gates.GetOrAdd(database.GetDbConnection().DataSource, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            return new GatedTransaction(await database.BeginTransactionAsync(ct), gate);
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    // One gate per SQLite database file (the connection's data source, a full path), for the life of the process.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>True when the context talks to PostgreSQL.</summary>
    public static bool IsPostgreSql(this DatabaseFacade database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";
    }
}
