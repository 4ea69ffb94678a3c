using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ledger.Data.Access;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("api_keys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).HasColumnName("id").HasMaxLength(64);
        builder.Property(k => k.SecretHash).HasColumnName("secret_hash").HasMaxLength(64);
        builder.Property(k => k.Role).HasColumnName("role").HasMaxLength(32);
        builder.Property(k => k.Organisation).HasColumnName("organisation").HasMaxLength(128);
        builder.Property(k => k.Label).HasColumnName("label").HasMaxLength(128);
        builder.Property(k => k.StaffId).HasColumnName("staff_id").HasMaxLength(64);
        builder.HasIndex(k => k.StaffId);
        // Declared so EF inserts a new staff account before the key that points at it.
        builder.HasOne<StaffAccount>().WithMany().HasForeignKey(k => k.StaffId);
        builder.Property(k => k.CreatedAtMs).HasColumnName("created_at_ms");
        builder.Property(k => k.ExpiresAtMs).HasColumnName("expires_at_ms");
        builder.Property(k => k.RevokedAtMs).HasColumnName("revoked_at_ms");
    }
}
