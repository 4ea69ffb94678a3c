using Ledger.Data.Access;
using Ledger.Data.Anchoring;
using Ledger.Data.Audit;
using Ledger.Data.Epcis;
using Ledger.Data.Correction;
using Ledger.Data.Issuers;
using Ledger.Data.Leasing;
using Ledger.Data.Organisations;
using Ledger.Data.Projections;
using Ledger.Data.Protection;
using Ledger.Data.Records;
using Ledger.Data.Schema;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Data;

/// <summary>The off-chain store: records, anchor batches, API keys and settings.</summary>
public sealed class LedgerDbContext(DbContextOptions<LedgerDbContext> options) : DbContext(options)
{
    public DbSet<StoredRecord> Records => Set<StoredRecord>();
    public DbSet<IdempotentSubmission> IdempotentSubmissions => Set<IdempotentSubmission>();
    public DbSet<AnchorBatch> Batches => Set<AnchorBatch>();
    public DbSet<BatchTransaction> BatchTransactions => Set<BatchTransaction>();
    public DbSet<BatchTree> BatchTrees => Set<BatchTree>();
    public DbSet<BatchTreeBlock> BatchTreeBlocks => Set<BatchTreeBlock>();
    public DbSet<Lease> Leases => Set<Lease>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<StaffAccount> StaffAccounts => Set<StaffAccount>();
    public DbSet<Setting> Settings => Set<Setting>();
    public DbSet<SubjectKey> SubjectKeys => Set<SubjectKey>();
    public DbSet<IssuerKey> IssuerKeys => Set<IssuerKey>();
    public DbSet<RecordErasure> Erasures => Set<RecordErasure>();
    public DbSet<RecordRevocation> Revocations => Set<RecordRevocation>();
    public DbSet<RecordSupersession> Supersessions => Set<RecordSupersession>();
    public DbSet<AccessTrailEntry> AccessTrail => Set<AccessTrailEntry>();
    public DbSet<ProjectionRow> Projections => Set<ProjectionRow>();
    public DbSet<EpcisEventEntry> EpcisEvents => Set<EpcisEventEntry>();
    public DbSet<EpcisEventIdentifier> EpcisEventIdentifiers => Set<EpcisEventIdentifier>();
    public DbSet<EpcisCaptureJob> EpcisCaptureJobs => Set<EpcisCaptureJob>();
    public DbSet<EpcisLocationName> EpcisLocationNames => Set<EpcisLocationName>();
    public DbSet<CorrectionCase> CorrectionCases => Set<CorrectionCase>();
    public DbSet<CaseChainEntry> CaseChain => Set<CaseChainEntry>();
    public DbSet<EvidencePackageEntry> EvidencePackages => Set<EvidencePackageEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(LedgerDbContext).Assembly);
}
