using Ledger.Data.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ledger.Data.Anchoring;

internal sealed class AnchorBatchConfiguration : IEntityTypeConfiguration<AnchorBatch>
{
    public void Configure(EntityTypeBuilder<AnchorBatch> builder)
    {
        builder.ToTable("anchor_batches");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).HasColumnName("id").ValueGeneratedOnAdd();
        builder.Property(b => b.Root).HasColumnName("root").HasMaxLength(ChainColumns.Hash);
        builder.Property(b => b.LeafCount).HasColumnName("leaf_count");
        builder.Property(b => b.State).HasColumnName("state").HasMaxLength(16);
        builder.Property(b => b.SealedAtMs).HasColumnName("sealed_at_ms");
        builder.Property(b => b.ChainId).HasColumnName("chain_id");
        builder.Property(b => b.Contract).HasColumnName("contract").HasMaxLength(ChainColumns.Address);
        builder.Property(b => b.RawTransaction).HasColumnName("raw_transaction");
        builder.Property(b => b.TxHash).HasColumnName("tx_hash").HasMaxLength(ChainColumns.Hash);
        builder.Property(b => b.Nonce).HasColumnName("nonce");
        builder.Property(b => b.MaxFeePerGas).HasColumnName("max_fee_per_gas").HasMaxLength(ChainColumns.UInt256);
        builder.Property(b => b.MaxPriorityFeePerGas).HasColumnName("max_priority_fee_per_gas").HasMaxLength(ChainColumns.UInt256);
        builder.Property(b => b.GasLimit).HasColumnName("gas_limit");
        builder.Property(b => b.SubmittedAtMs).HasColumnName("submitted_at_ms");
        builder.Property(b => b.LastSentAtMs).HasColumnName("last_sent_at_ms");
        builder.Property(b => b.SearchFromBlock).HasColumnName("search_from_block");
        builder.Property(b => b.BlockNumber).HasColumnName("block_number");
        builder.Property(b => b.BlockHash).HasColumnName("block_hash").HasMaxLength(ChainColumns.Hash);
        builder.Property(b => b.ChainBatchId).HasColumnName("chain_batch_id").HasMaxLength(ChainColumns.UInt256);
        builder.Property(b => b.AnchoredAt).HasColumnName("anchored_at");
        builder.Property(b => b.ConfirmedAtMs).HasColumnName("confirmed_at_ms");
        builder.Property(b => b.LastError).HasColumnName("last_error").HasMaxLength(1000);
        builder.Property(b => b.Attempts).HasColumnName("attempts");
        builder.HasIndex(b => b.Root).IsUnique();
        builder.HasIndex(b => b.State);
    }
}
