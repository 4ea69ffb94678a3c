using Ledger.Data.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ledger.Data.Issuers;

internal sealed class IssuerKeyConfiguration : IEntityTypeConfiguration<IssuerKey>
{
    public void Configure(EntityTypeBuilder<IssuerKey> builder)
    {
        builder.ToTable("issuer_keys");
        builder.HasKey(k => k.OrganisationId);
        builder.Property(k => k.OrganisationId).HasColumnName("organisation_id").HasMaxLength(128);
        builder.Property(k => k.Address).HasColumnName("address").HasMaxLength(ChainColumns.Address);
        builder.Property(k => k.WrappedKey).HasColumnName("wrapped_key");
        builder.Property(k => k.SealedPrivateKey).HasColumnName("sealed_private_key");
        builder.Property(k => k.CreatedAtMs).HasColumnName("created_at_ms");
    }
}
