using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ledger.Data.Organisations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.ToTable("organisations");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).HasColumnName("id").HasMaxLength(64);
        builder.Property(o => o.Name).HasColumnName("name").HasMaxLength(200);
        builder.Property(o => o.Kind).HasColumnName("kind").HasMaxLength(32);
        builder.Property(o => o.AreaCode).HasColumnName("area_code").HasMaxLength(6);
        builder.Property(o => o.CreatedAtMs).HasColumnName("created_at_ms");
        builder.Property(o => o.ParentId).HasColumnName("parent_id").HasMaxLength(64);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => o.AreaCode);
        builder.HasIndex(o => o.ParentId);
    }
}
