using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ledger.Data.Records;

internal sealed class RecordRevocationConfiguration : IEntityTypeConfiguration<RecordRevocation>
{
    public void Configure(EntityTypeBuilder<RecordRevocation> builder)
    {
        builder.ToTable("revocations");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasColumnName("id").HasMaxLength(36);
        builder.Property(r => r.RevokedRecordId).HasColumnName("revoked_record_id").HasMaxLength(36);
        builder.HasIndex(r => r.RevokedRecordId).IsUnique();
        builder.Property(r => r.ReasonCode).HasColumnName("reason_code").HasMaxLength(64);
        builder.Property(r => r.RequestedBy).HasColumnName("requested_by").HasMaxLength(200);
        builder.Property(r => r.RevokedAtMs).HasColumnName("revoked_at_ms");
        // Declared so EF inserts the revocation record before its index row (foreign keys are on).
        builder.HasOne<StoredRecord>().WithOne().HasForeignKey<RecordRevocation>(r => r.Id);
    }
}
