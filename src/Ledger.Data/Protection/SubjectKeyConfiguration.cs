using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ledger.Data.Protection;

internal sealed class SubjectKeyConfiguration : IEntityTypeConfiguration<SubjectKey>
{
    public void Configure(EntityTypeBuilder<SubjectKey> builder)
    {
        builder.ToTable("data_keys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).HasColumnName("id").HasMaxLength(64);
        builder.Property(k => k.SubjectDigest).HasColumnName("subject_digest").HasMaxLength(66);
        builder.Property(k => k.WrappedKey).HasColumnName("wrapped_key");
        builder.Property(k => k.CreatedAtMs).HasColumnName("created_at_ms");
        builder.HasIndex(k => k.SubjectDigest).IsUnique();
    }
}
