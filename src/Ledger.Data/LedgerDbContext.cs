using Ledger.Data.Access;
using Ledger.Data.Anchoring;
using Ledger.Data.Records;
using Ledger.Data.Schema;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Data;

/// <summary>The off-chain store: records, anchor batches, API keys and settings.</summary>
public sealed class LedgerDbContext(DbContextOptions<LedgerDbContext> options) : DbContext(options)
{
    public DbSet<StoredRecord> Records => Set<StoredRecord>();
    public DbSet<AnchorBatch> Batches => Set<AnchorBatch>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<Setting> Settings => Set<Setting>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(LedgerDbContext).Assembly);
}
