using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ledger.Data.Anchoring;

internal sealed class BatchTreeConfiguration : IEntityTypeConfiguration<BatchTree>
{
    public void Configure(EntityTypeBuilder<BatchTree> builder)
    {
        builder.ToTable("batch_trees");
        builder.HasKey(t => t.BatchId);
        builder.Property(t => t.BatchId).HasColumnName("batch_id").ValueGeneratedNever();
        builder.Property(t => t.Nodes).HasColumnName("nodes");
        builder.HasOne<AnchorBatch>().WithOne().HasForeignKey<BatchTree>(t => t.BatchId);
    }
}
