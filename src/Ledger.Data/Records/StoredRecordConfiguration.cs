using Ledger.Data.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ledger.Data.Records;

internal sealed class StoredRecordConfiguration : IEntityTypeConfiguration<StoredRecord>
{
    public void Configure(EntityTypeBuilder<StoredRecord> builder)
    {
        builder.ToTable("records");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasColumnName("id").HasMaxLength(36);
        builder.Property(r => r.Domain).HasColumnName("domain").HasMaxLength(64);
        builder.Property(r => r.Type).HasColumnName("type").HasMaxLength(64);
        builder.Property(r => r.Level).HasColumnName("level");
        builder.Property(r => r.Issuer).HasColumnName("issuer").HasMaxLength(128);
        builder.Property(r => r.OccurredAt).HasColumnName("occurred_at").HasMaxLength(32);
        builder.Property(r => r.ReceivedAtMs).HasColumnName("received_at_ms");
        builder.Property(r => r.EnvelopeJson).HasColumnName("envelope_json");
        builder.Property(r => r.RecordHash).HasColumnName("record_hash").HasMaxLength(ChainColumns.Hash);
        builder.Property(r => r.SubmittedBy).HasColumnName("submitted_by").HasMaxLength(64);
        builder.Property(r => r.Status).HasColumnName("status").HasMaxLength(16);
        builder.Property(r => r.BatchId).HasColumnName("batch_id");
        builder.Property(r => r.MerkleProofJson).HasColumnName("merkle_proof_json");
        builder.Property(r => r.SealedEnvelope).HasColumnName("sealed_envelope");
        builder.Property(r => r.DataKeyId).HasColumnName("data_key_id").HasMaxLength(64);
        builder.Property(r => r.IssuerAddress).HasColumnName("issuer_address").HasMaxLength(ChainColumns.Address);
        builder.Property(r => r.IssuerSignature).HasColumnName("issuer_signature").HasMaxLength(132);
        builder.Property(r => r.ErasedAtMs).HasColumnName("erased_at_ms");
        builder.Property(r => r.ErasureId).HasColumnName("erasure_id").HasMaxLength(36);
        builder.HasIndex(r => r.RecordHash).IsUnique();
        builder.HasIndex(r => new { r.BatchId, r.ReceivedAtMs });
    }
}
