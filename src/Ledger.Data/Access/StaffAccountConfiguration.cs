using Ledger.Data.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ledger.Data.Access;

internal sealed class StaffAccountConfiguration : IEntityTypeConfiguration<StaffAccount>
{
    public void Configure(EntityTypeBuilder<StaffAccount> builder)
    {
        builder.ToTable("staff_accounts");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasColumnName("id").HasMaxLength(64);
        builder.Property(s => s.OrganisationId).HasColumnName("organisation_id").HasMaxLength(64);
        builder.Property(s => s.Label).HasColumnName("label").HasMaxLength(128);
        builder.Property(s => s.Role).HasColumnName("role").HasMaxLength(32);
        builder.Property(s => s.CreatedAtMs).HasColumnName("created_at_ms");
        builder.Property(s => s.DisabledAtMs).HasColumnName("disabled_at_ms");
        builder.HasIndex(s => s.OrganisationId);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OrganisationId);
    }
}
