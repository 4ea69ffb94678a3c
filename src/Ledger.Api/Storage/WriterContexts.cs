using Ledger.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Ledger.Api.Storage;

/// <summary>
/// Contexts for the store's writers, on their own connections (<see cref="WriterConnections"/>): the record writer's
/// group commits and the sealer's transactions. Pooled like the store's other contexts: a new context pays for EF
/// Core's internal services on its first use, which a profile of ingest showed as 2 % of the CPU, once per commit.
/// Its user disposes it, which returns it to the pool.
/// </summary>
internal sealed class WriterContexts(DbContextOptions<LedgerDbContext> shared)
{
    // Two writers at a time in practice (the record writer and the sealer); the pool only keeps what is returned.
    private readonly PooledDbContextFactory<LedgerDbContext> _pool = new(WriterConnections.Options(shared), poolSize: 8);

    public LedgerDbContext Create() => _pool.CreateDbContext();
}

/// <summary>A writer's context for the length of a DI scope (the anchoring worker's cycle), disposed with it.</summary>
internal sealed class ScopedWriterContext(WriterContexts writers) : IAsyncDisposable
{
    public LedgerDbContext Db { get; } = writers.Create();

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}
