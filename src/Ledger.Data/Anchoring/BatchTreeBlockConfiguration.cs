using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ledger.Data.Anchoring;

internal sealed class BatchTreeBlockConfiguration : IEntityTypeConfiguration<BatchTreeBlock>
{
    public void Configure(EntityTypeBuilder<BatchTreeBlock> builder)
    {
        builder.ToTable("batch_tree_blocks");
        builder.HasKey(t => new { t.BatchId, t.Block });
        builder.Property(t => t.BatchId).HasColumnName("batch_id").ValueGeneratedNever();
        builder.Property(t => t.Block).HasColumnName("block").ValueGeneratedNever();
        builder.Property(t => t.Nodes).HasColumnName("nodes");
        builder.HasOne<AnchorBatch>().WithMany().HasForeignKey(t => t.BatchId);
    }
}
