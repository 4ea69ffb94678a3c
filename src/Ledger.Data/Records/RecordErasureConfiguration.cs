using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ledger.Data.Records;

internal sealed class RecordErasureConfiguration : IEntityTypeConfiguration<RecordErasure>
{
    public void Configure(EntityTypeBuilder<RecordErasure> builder)
    {
        builder.ToTable("erasures");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasColumnName("id").HasMaxLength(36);
        builder.Property(e => e.SubjectDigest).HasColumnName("subject_digest").HasMaxLength(66);
        builder.Property(e => e.Domain).HasColumnName("domain").HasMaxLength(64);
        builder.Property(e => e.LegalBasis).HasColumnName("legal_basis").HasMaxLength(64);
        builder.Property(e => e.ErasedCount).HasColumnName("erased_count");
        builder.Property(e => e.RequestedBy).HasColumnName("requested_by").HasMaxLength(200);
        builder.Property(e => e.ErasedAtMs).HasColumnName("erased_at_ms");
        // Declared so EF inserts the erasure record before its index row (foreign keys are on).
        builder.HasOne<StoredRecord>().WithOne().HasForeignKey<RecordErasure>(e => e.Id);
    }
}
