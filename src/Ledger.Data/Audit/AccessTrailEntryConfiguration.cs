using Ledger.Data.Records;
using Ledger.Data.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ledger.Data.Audit;

internal sealed class AccessTrailEntryConfiguration : IEntityTypeConfiguration<AccessTrailEntry>
{
    public void Configure(EntityTypeBuilder<AccessTrailEntry> builder)
    {
        builder.ToTable("access_trail");
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).HasColumnName("sequence").ValueGeneratedNever();
        builder.Property(e => e.EntryRecordId).HasColumnName("entry_record_id").HasMaxLength(36);
        builder.Property(e => e.EntryHash).HasColumnName("entry_hash").HasMaxLength(ChainColumns.Hash);
        builder.Property(e => e.PreviousHash).HasColumnName("previous_hash").HasMaxLength(ChainColumns.Hash);
        builder.Property(e => e.ReadRecordId).HasColumnName("read_record_id").HasMaxLength(36);
        builder.Property(e => e.ReadAtMs).HasColumnName("read_at_ms");
        builder.HasIndex(e => e.EntryRecordId).IsUnique();
        builder.HasIndex(e => e.PreviousHash).IsUnique();
        builder.HasIndex(e => e.ReadRecordId);
        // Declared so EF inserts the entry's record before its index row.
        builder.HasOne<StoredRecord>().WithMany().HasForeignKey(e => e.EntryRecordId);
    }
}
