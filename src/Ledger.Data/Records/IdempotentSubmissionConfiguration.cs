using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ledger.Data.Records;

internal sealed class IdempotentSubmissionConfiguration : IEntityTypeConfiguration<IdempotentSubmission>
{
    public void Configure(EntityTypeBuilder<IdempotentSubmission> builder)
    {
        builder.ToTable("idempotent_submissions");
        // The composite key is what makes concurrent requests with one key produce exactly one record.
        builder.HasKey(s => new { s.ApiKeyId, s.Key });
        builder.Property(s => s.ApiKeyId).HasColumnName("api_key_id").HasMaxLength(64);
        builder.Property(s => s.Key).HasColumnName("idempotency_key").HasMaxLength(IdempotentSubmission.MaxKeyLength);
        builder.Property(s => s.RequestHash).HasColumnName("request_hash").HasMaxLength(64);
        builder.Property(s => s.RecordId).HasColumnName("record_id").HasMaxLength(36);
        builder.Property(s => s.CreatedAtMs).HasColumnName("created_at_ms");
        // Declared so EF inserts the record before the row that points at it (foreign keys are on).
        builder.HasOne<StoredRecord>().WithMany().HasForeignKey(s => s.RecordId);
        builder.HasIndex(s => s.CreatedAtMs);
    }
}
