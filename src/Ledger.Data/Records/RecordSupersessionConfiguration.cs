using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ledger.Data.Records;

internal sealed class RecordSupersessionConfiguration : IEntityTypeConfiguration<RecordSupersession>
{
    public void Configure(EntityTypeBuilder<RecordSupersession> builder)
    {
        builder.ToTable("supersessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasColumnName("id").HasMaxLength(36);
        builder.Property(s => s.SupersededRecordId).HasColumnName("superseded_record_id").HasMaxLength(36);
        builder.HasIndex(s => s.SupersededRecordId).IsUnique();
        builder.Property(s => s.SupersededAtMs).HasColumnName("superseded_at_ms");
        // Declared so EF inserts the correcting record before its index row (foreign keys are on).
        builder.HasOne<StoredRecord>().WithOne().HasForeignKey<RecordSupersession>(s => s.Id);
    }
}
