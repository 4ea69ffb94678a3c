using Ledger.Data.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ledger.Data.Epcis;

internal sealed class EpcisEventEntryConfiguration : IEntityTypeConfiguration<EpcisEventEntry>
{
    public void Configure(EntityTypeBuilder<EpcisEventEntry> builder)
    {
        builder.ToTable("epcis_events");
        builder.HasKey(e => e.RecordId);
        builder.Property(e => e.RecordId).HasColumnName("record_id").HasMaxLength(36);
        builder.Property(e => e.CaptureId).HasColumnName("capture_id").HasMaxLength(36);
        builder.Property(e => e.EventHashId).HasColumnName("event_hash_id");
        builder.Property(e => e.EventId).HasColumnName("event_id");
        builder.Property(e => e.EventType).HasColumnName("event_type");
        builder.Property(e => e.EventTimeMs).HasColumnName("event_time_ms");
        builder.Property(e => e.BizStep).HasColumnName("biz_step");
        builder.Property(e => e.BizLocation).HasColumnName("biz_location");
        builder.Property(e => e.Action).HasColumnName("action");
        builder.Property(e => e.DeclaresError).HasColumnName("declares_error");
        builder.HasIndex(e => e.EventHashId);
        builder.HasIndex(e => e.EventId);
        builder.HasIndex(e => e.EventTimeMs);
        // Declared so EF inserts the event's record before its index row (foreign keys are on).
        builder.HasOne<StoredRecord>().WithOne().HasForeignKey<EpcisEventEntry>(e => e.RecordId);
    }
}

internal sealed class EpcisEventIdentifierConfiguration : IEntityTypeConfiguration<EpcisEventIdentifier>
{
    public void Configure(EntityTypeBuilder<EpcisEventIdentifier> builder)
    {
        builder.ToTable("epcis_event_identifiers");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasColumnName("id");
        builder.Property(e => e.RecordId).HasColumnName("record_id").HasMaxLength(36);
        builder.Property(e => e.Role).HasColumnName("role");
        builder.Property(e => e.Identifier).HasColumnName("identifier");
        builder.HasIndex(e => new { e.Identifier, e.Role });
        builder.HasIndex(e => e.RecordId);
        builder.HasOne<EpcisEventEntry>().WithMany().HasForeignKey(e => e.RecordId);
    }
}

internal sealed class EpcisCaptureJobConfiguration : IEntityTypeConfiguration<EpcisCaptureJob>
{
    public void Configure(EntityTypeBuilder<EpcisCaptureJob> builder)
    {
        builder.ToTable("epcis_capture_jobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Id).HasColumnName("id").HasMaxLength(36);
        builder.Property(j => j.Status).HasColumnName("status");
        builder.Property(j => j.Organisation).HasColumnName("organisation");
        builder.Property(j => j.SubmittedBy).HasColumnName("submitted_by");
        builder.Property(j => j.CreatedAtMs).HasColumnName("created_at_ms");
        builder.Property(j => j.FinishedAtMs).HasColumnName("finished_at_ms");
        builder.Property(j => j.EventCount).HasColumnName("event_count");
        builder.Property(j => j.ErrorsJson).HasColumnName("errors_json");
    }
}

internal sealed class EpcisLocationNameConfiguration : IEntityTypeConfiguration<EpcisLocationName>
{
    public void Configure(EntityTypeBuilder<EpcisLocationName> builder)
    {
        builder.ToTable("epcis_location_names");
        builder.HasKey(n => new { n.Identifier, n.Organisation });
        builder.Property(n => n.Identifier).HasColumnName("identifier");
        builder.Property(n => n.Organisation).HasColumnName("organisation");
        builder.Property(n => n.Name).HasColumnName("name");
        builder.Property(n => n.CaptureId).HasColumnName("capture_id");
        builder.Property(n => n.NamedAtMs).HasColumnName("named_at_ms");
    }
}
