using Ledger.Data.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ledger.Data.Issuers;

internal sealed class IssuerKeyConfiguration : IEntityTypeConfiguration<IssuerKey>
{
    public void Configure(EntityTypeBuilder<IssuerKey> builder)
    {
        builder.ToTable("issuer_keys");
        builder.HasKey(k => k.Address);
        builder.Property(k => k.Address).HasColumnName("address").HasMaxLength(ChainColumns.Address);
        builder.Property(k => k.OrganisationId).HasColumnName("organisation_id").HasMaxLength(128);
        builder.Property(k => k.WrappedKey).HasColumnName("wrapped_key");
        builder.Property(k => k.SealedPrivateKey).HasColumnName("sealed_private_key");
        builder.Property(k => k.CreatedAtMs).HasColumnName("created_at_ms");
        builder.Property(k => k.RetiredAtMs).HasColumnName("retired_at_ms");
        builder.Property(k => k.RegisteredInBatch).HasColumnName("registered_in_batch");
        builder.Property(k => k.RetiredInBatch).HasColumnName("retired_in_batch");
        builder.HasIndex(k => k.OrganisationId).HasDatabaseName("ix_issuer_keys_current").IsUnique().HasFilter("retired_at_ms IS NULL");
    }
}
