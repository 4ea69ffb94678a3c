using Ledger.Data.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ledger.Data.Anchoring;

internal sealed class BatchTransactionConfiguration : IEntityTypeConfiguration<BatchTransaction>
{
    public void Configure(EntityTypeBuilder<BatchTransaction> builder)
    {
        builder.ToTable("batch_transactions");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).HasColumnName("id").ValueGeneratedOnAdd();
        builder.Property(t => t.BatchId).HasColumnName("batch_id");
        builder.Property(t => t.TxHash).HasColumnName("tx_hash").HasMaxLength(ChainColumns.Hash);
        builder.Property(t => t.Nonce).HasColumnName("nonce");
        builder.Property(t => t.MaxFeePerGas).HasColumnName("max_fee_per_gas").HasMaxLength(ChainColumns.UInt256);
        builder.Property(t => t.MaxPriorityFeePerGas).HasColumnName("max_priority_fee_per_gas").HasMaxLength(ChainColumns.UInt256);
        builder.Property(t => t.GasLimit).HasColumnName("gas_limit");
        builder.Property(t => t.RawTransaction).HasColumnName("raw_transaction");
        builder.Property(t => t.SignedAtMs).HasColumnName("signed_at_ms");
        builder.HasIndex(t => t.TxHash).IsUnique();
        builder.HasIndex(t => t.BatchId);
        builder.HasOne<AnchorBatch>().WithMany().HasForeignKey(t => t.BatchId);
    }
}
