using Ledger.Data.Records;
using Ledger.Data.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ledger.Data.Correction;

internal sealed class CorrectionCaseConfiguration : IEntityTypeConfiguration<CorrectionCase>
{
    public void Configure(EntityTypeBuilder<CorrectionCase> builder)
    {
        builder.ToTable("correction_cases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasColumnName("id").HasMaxLength(36);
        builder.Property(c => c.AreaCode).HasColumnName("area_code").HasMaxLength(6);
        builder.Property(c => c.CaseDigest).HasColumnName("case_digest").HasMaxLength(66);
        builder.Property(c => c.OpenedBy).HasColumnName("opened_by").HasMaxLength(128);
        builder.Property(c => c.Minor).HasColumnName("minor");
        builder.Property(c => c.OpenedAtMs).HasColumnName("opened_at_ms");
        builder.Property(c => c.ClosedAtMs).HasColumnName("closed_at_ms");
        builder.Property(c => c.ClosedRecordId).HasColumnName("closed_record_id").HasMaxLength(36);
        builder.Property(c => c.ErasedAtMs).HasColumnName("erased_at_ms");
        builder.Property(c => c.IdentitySealed).HasColumnName("identity_sealed");
        builder.Property(c => c.IdentityKeyId).HasColumnName("identity_key_id").HasMaxLength(64);
        builder.HasIndex(c => c.CaseDigest).IsUnique();
        builder.HasIndex(c => c.AreaCode);
        // Declared so EF inserts the case-opened record before the case.
        builder.HasOne<StoredRecord>().WithOne().HasForeignKey<CorrectionCase>(c => c.Id);
    }
}

internal sealed class CaseChainEntryConfiguration : IEntityTypeConfiguration<CaseChainEntry>
{
    public void Configure(EntityTypeBuilder<CaseChainEntry> builder)
    {
        builder.ToTable("correction_chain");
        builder.HasKey(e => new { e.CaseId, e.Sequence });
        builder.Property(e => e.CaseId).HasColumnName("case_id").HasMaxLength(36);
        builder.Property(e => e.Sequence).HasColumnName("seq").ValueGeneratedNever();
        builder.Property(e => e.RecordId).HasColumnName("record_id").HasMaxLength(36);
        builder.Property(e => e.RecordHash).HasColumnName("record_hash").HasMaxLength(ChainColumns.Hash);
        builder.Property(e => e.PreviousHash).HasColumnName("previous_hash").HasMaxLength(ChainColumns.Hash);
        builder.HasIndex(e => e.RecordId).IsUnique();
        builder.HasIndex(e => new { e.CaseId, e.PreviousHash }).IsUnique();
        builder.HasOne<CorrectionCase>().WithMany().HasForeignKey(e => e.CaseId);
        // Declared so EF inserts the record before its link.
        builder.HasOne<StoredRecord>().WithOne().HasForeignKey<CaseChainEntry>(e => e.RecordId);
    }
}

internal sealed class EvidencePackageEntryConfiguration : IEntityTypeConfiguration<EvidencePackageEntry>
{
    public void Configure(EntityTypeBuilder<EvidencePackageEntry> builder)
    {
        builder.ToTable("evidence_packages");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).HasColumnName("id").HasMaxLength(36);
        builder.Property(p => p.CaseId).HasColumnName("case_id").HasMaxLength(36);
        builder.Property(p => p.RequestedBy).HasColumnName("requested_by").HasMaxLength(64);
        builder.Property(p => p.EventRecordId).HasColumnName("event_record_id").HasMaxLength(36);
        builder.Property(p => p.CreatedAtMs).HasColumnName("created_at_ms");
        builder.Property(p => p.PackageSealed).HasColumnName("package_sealed");
        builder.Property(p => p.KeyId).HasColumnName("key_id").HasMaxLength(64);
        builder.HasIndex(p => p.CaseId);
        builder.HasOne<CorrectionCase>().WithMany().HasForeignKey(p => p.CaseId);
    }
}
