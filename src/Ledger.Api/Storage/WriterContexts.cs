using Ledger.Data;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Storage;

/// <summary>
/// Contexts for the store's writers, on their own connections (<see cref="WriterConnections"/>): the record writer's
/// group commits and the sealer's transactions. A new, unpooled context per use, which its user disposes.
/// </summary>
internal sealed class WriterContexts(DbContextOptions<LedgerDbContext> shared)
{
    private readonly DbContextOptions<LedgerDbContext> _options = WriterConnections.Options(shared);

    public LedgerDbContext Create() => new(_options);
}

/// <summary>A writer's context for the length of a DI scope (the anchoring worker's cycle), disposed with it.</summary>
internal sealed class ScopedWriterContext(WriterContexts writers) : IAsyncDisposable
{
    public LedgerDbContext Db { get; } = writers.Create();

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}
