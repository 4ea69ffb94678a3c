using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ledger.Data.Projections;

internal sealed class ProjectionRowConfiguration : IEntityTypeConfiguration<ProjectionRow>
{
    public void Configure(EntityTypeBuilder<ProjectionRow> builder)
    {
        builder.ToTable("projections");
        builder.HasKey(p => new { p.Projection, p.Key });
        builder.Property(p => p.Projection).HasColumnName("projection").HasMaxLength(64);
        builder.Property(p => p.Key).HasColumnName("key").HasMaxLength(256);
        builder.Property(p => p.Value).HasColumnName("value");
        builder.Property(p => p.SubjectDigest).HasColumnName("subject_digest").HasMaxLength(64);
        builder.HasIndex(p => p.SubjectDigest).HasFilter("subject_digest IS NOT NULL");
    }
}
