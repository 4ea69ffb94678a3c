using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ledger.Api.Audit;
using Ledger.Api.Problems;
using Ledger.Api.Protection;
using Ledger.Api.Verification;
using Ledger.Core.Canonical;
using Ledger.Core.Records;
using Ledger.Core.Records.Chains;
using Ledger.Core.Records.Types.CommunityCorrection;
using Ledger.Core.Records.Types.CommunityCorrection.Evidence;
using Ledger.Data;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Correction;

/// <summary>An evidence package as made: the ZIP, the access-trail record of its making and the manifest it commits to.</summary>
/// <param name="Zip">The ZIP, its package event without proof yet.</param>
/// <param name="Event">The access-trail record of its making.</param>
/// <param name="ManifestSha256">The SHA-256 of its manifest, which the event commits to.</param>
internal sealed record MadePackage(byte[] Zip, Data.Records.StoredRecord Event, string ManifestSha256);

/// <summary>
/// Builds a case's evidence package (<c>ledger-evidence/v1</c>, docs/community-correction.md): from the case's first
/// record to the last one dated within the range — so the completeness chain is checked from the case's opening, and
/// the plan and approvals in force during the range are there to compute its alerts — each record's canonical envelope
/// (salt and payload), its proof bundle (Merkle path, anchor, issuer signature), the anchoring transactions and their
/// receipts, the revocations of those records, the service's chain check, the range's alerts and a guide for the court;
/// and a manifest with every file's SHA-256. Making it is an anchored access-trail event that commits to the manifest.
/// </summary>
internal sealed class EvidencePackage(LedgerDbContext db, CaseFileReader reader, EnvelopeVault vault, AccessTrail trail, AnchoringEvidence anchoring, TimeProvider time)
{
    /// <summary>
    /// The package, its making recorded in the access trail (still pending on chain: its proof is added when the
    /// package is fetched, <see cref="EvidencePackages"/>); throws 410 when a record it needs was erased, 422 when no
    /// record is dated by <paramref name="to"/>.
    /// </summary>
    public async Task<MadePackage> BuildAsync(CaseAccess access, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var records = await reader.ReadAsync(access.Case.Id, ct);
        var last = records.LastOrDefault(r => DayOf(r.Row.OccurredAt) <= to)
            ?? throw new LedgerProblem(StatusCodes.Status422UnprocessableEntity, "Nothing in range",
                $"The case has no record dated on or before {CorrectionCalendar.Format(to)}.");
        var segment = Segment(records, last.Link.Sequence);
        if (access.Case.ErasedAtMs is not null || segment.Any(r => r.Envelope is null))
        {
            throw new LedgerProblem(StatusCodes.Status410Gone, "Records erased",
                "Records this package needs were erased (crypto-shredded); their hashes, proofs and chain remain, but their payloads cannot be packaged.");
        }
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        var batches = await db.Batches.AsNoTracking()
            .Where(b => segment.Select(r => r.Row.BatchId).Contains(b.Id))
            .ToDictionaryAsync(b => b.Id, ct);
        var paths = await MerklePaths.OfManyAsync(db, segment.Select(r => r.Row), ct);
        var entries = new List<EvidenceRecord>();
        var proofs = new List<Core.Proofs.ProofBundle>();
        foreach (var record in segment)
        {
            var directory = EvidenceLayout.RecordDirectory(record.Link.Sequence);
            var proof = ProofBundleFactory.Create(record.Row, record.Row.BatchId is { } id ? batches.GetValueOrDefault(id) : null, record.Status, paths[record.Row.Id]);
            files[$"{directory}/{EvidenceLayout.Envelope}"] = Canonical(record.Envelope!);
            files[$"{directory}/{EvidenceLayout.Proof}"] = Json(proof);
            proofs.Add(proof);
            entries.Add(new EvidenceRecord(record.Link.Sequence, record.Row.RecordHash, record.Row.Type, record.Row.OccurredAt, record.Status,
                from <= DayOf(record.Row.OccurredAt) && DayOf(record.Row.OccurredAt) <= to, directory));
        }
        var revocations = await RevocationsAsync(segment, files, proofs, ct);
        foreach (var (path, content) in await anchoring.FilesAsync(proofs, ct))
        {
            files[path] = content;
        }
        var envelopes = segment.Select(r => (r.Row.RecordHash, r.Envelope!)).ToList();
        var file = EvidenceCaseFile.From(access.CaseRef, envelopes, revocations.Select(r => r.Revokes).ToHashSet(StringComparer.Ordinal));
        files[EvidenceLayout.Alerts] = Json(EvidenceCaseFile.AlertsOf(file, from, to).Select(EvidenceAlert.From).ToList());
        var head = records[^1];
        files[EvidenceLayout.ChainCheck] = Json(new
        {
            chain = new EvidenceChain(1, last.Link.Sequence, head.Link.Sequence, head.Row.RecordHash),
            check = ChainCheck.Check([.. segment.Select(r => new ChainedRecord(r.Row.RecordHash, ChainLink.Read(r.Envelope![EnvelopeFields.Payload]!.AsObject(), out _)))]),
        });
        var manifest = Manifest(access, from, to, entries, revocations, new EvidenceChain(1, last.Link.Sequence, head.Link.Sequence, head.Row.RecordHash), files);
        var guide = EvidenceGuide.Of(manifest, proofs.FirstOrDefault(p => p.Anchor is not null)?.Anchor);
        files[EvidenceLayout.GuideChinese] = Encoding.UTF8.GetBytes(guide.Chinese);
        files[EvidenceLayout.GuideEnglish] = Encoding.UTF8.GetBytes(guide.English);
        var manifestBytes = Json(manifest with { Files = [.. files.Select(f => new EvidenceFile(f.Key, Sha256(f.Value)))] });
        // Evidence first: a package whose making cannot be recorded is not handed out.
        var evidence = await trail.AppendBeforeAnsweringAsync(access.Caller, access.Opened, access.Purpose, ct, Sha256(manifestBytes));
        var eventEnvelope = await vault.OpenAsync(evidence, ct) ?? throw new InvalidOperationException("The package event just stored does not open.");
        files[EvidenceLayout.Manifest] = manifestBytes;
        files[EvidenceLayout.PackageEvent] = Json(new PackageEvent(evidence.Id, evidence.RecordHash, $"/api/v1/proofs/{evidence.RecordHash}", JsonNode.Parse(eventEnvelope)!.AsObject(), null));
        return new MadePackage(Zip(files), evidence, Sha256(manifestBytes));
    }

    /// <summary>
    /// The complete package: <paramref name="zip"/> with the package event's proof bundle in <c>package-event.json</c>
    /// (which the manifest does not list: it is written after the manifest it commits to).
    /// </summary>
    public static byte[] WithEventProof(byte[] zip, Core.Proofs.ProofBundle eventProof)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        using (var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read))
        {
            foreach (var entry in archive.Entries)
            {
                using var stream = entry.Open();
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                files[entry.FullName] = buffer.ToArray();
            }
        }
        var packageEvent = JsonSerializer.Deserialize<PackageEvent>(files[EvidenceLayout.PackageEvent], EvidenceManifest.Json)!;
        files[EvidenceLayout.PackageEvent] = Json(packageEvent with { ProofBundle = eventProof });
        return Zip(files);
    }

    private EvidenceManifest Manifest(CaseAccess access, DateOnly from, DateOnly to, List<EvidenceRecord> entries, List<EvidenceRevocation> revocations,
        EvidenceChain chain, SortedDictionary<string, byte[]> files) => new()
    {
        Format = EvidenceManifest.CurrentFormat,
        Case = new EvidenceCase(access.CaseRef, access.Case.Id, access.Case.AreaCode, access.Case.OpenedBy,
            access.Case.ClosedAtMs is null ? "open" : "closed"),
        Range = new EvidenceRange(CorrectionCalendar.Format(from), CorrectionCalendar.Format(to)),
        RequestedBy = new EvidenceRequester(access.Caller.KeyId, access.Caller.Role, access.Caller.Organisation, access.Caller.StaffId, access.Purpose),
        CreatedAt = time.GetUtcNow(),
        AlertsAsOf = EvidenceCaseFile.AsOf(to),
        Chain = chain,
        Records = entries,
        Revocations = revocations,
        Files = [.. files.Select(f => new EvidenceFile(f.Key, Sha256(f.Value)))],
    };

    private async Task<List<EvidenceRevocation>> RevocationsAsync(
        List<CaseRecord> segment, SortedDictionary<string, byte[]> files, List<Core.Proofs.ProofBundle> proofs, CancellationToken ct)
    {
        // Revocations in the chain are records of the package; only those made before revocations were links are listed apart.
        var ids = segment.Select(r => r.Row.Id).ToList();
        var rows = await db.Revocations.AsNoTracking()
            .Where(r => ids.Contains(r.RevokedRecordId) && !ids.Contains(r.Id))
            .Join(db.Records.AsNoTracking(), r => r.Id, e => e.Id, (r, e) => new { r.RevokedRecordId, Record = e })
            .ToListAsync(ct);
        var revocations = new List<EvidenceRevocation>();
        foreach (var row in rows.OrderBy(r => r.Record.ReceivedAtMs))
        {
            var directory = EvidenceLayout.RevocationDirectory(revocations.Count + 1);
            var envelope = await vault.OpenAsync(row.Record, ct) ?? throw new InvalidOperationException("A revocation record does not open.");
            var batch = row.Record.BatchId is { } id ? await db.Batches.AsNoTracking().SingleAsync(b => b.Id == id, ct) : null;
            var proof = await ProofBundleFactory.CreateAsync(db, row.Record, batch, row.Record.PublicStatus(batch?.State), ct);
            files[$"{directory}/{EvidenceLayout.Envelope}"] = Encoding.UTF8.GetBytes(envelope);
            files[$"{directory}/{EvidenceLayout.Proof}"] = Json(proof);
            proofs.Add(proof);
            revocations.Add(new EvidenceRevocation(row.Record.RecordHash, segment.Single(r => r.Row.Id == row.RevokedRecordId).Row.RecordHash, directory));
        }
        return revocations;
    }

    /// <summary>
    /// The records from the case's opening to number <paramref name="lastInRange"/>, and on to the last later record that
    /// revokes or corrects one of them: a package holds every withdrawal of what it holds, and the chain has no gaps.
    /// </summary>
    private static List<CaseRecord> Segment(IReadOnlyList<CaseRecord> records, long lastInRange)
    {
        var end = lastInRange;
        var held = records.TakeWhile(r => r.Link.Sequence <= end).Select(r => r.Row.RecordHash).ToHashSet(StringComparer.Ordinal);
        var between = new List<string>();
        foreach (var record in records.Where(r => r.Link.Sequence > lastInRange))
        {
            between.Add(record.Row.RecordHash);
            if (WithdrawnBy(record) is { } withdrawn && held.Contains(withdrawn))
            {
                end = record.Link.Sequence;
                held.UnionWith(between);
                between.Clear();
            }
        }
        return [.. records.TakeWhile(r => r.Link.Sequence <= end)];
    }

    // The record a revocation revokes or a correction replaces.
    private static string? WithdrawnBy(CaseRecord record) =>
        record.Envelope is not { } envelope ? null
        : EvidenceCaseFile.IsCaseRecord(envelope) ? envelope[EnvelopeFields.Supersedes]?.GetValue<string>()
        : envelope[EnvelopeFields.Payload]?[EvidenceCaseFile.RevokedRecordField]?.GetValue<string>();

    /// <summary>
    /// The package event as the package holds it: the access-trail record, its envelope, where its proof is, and — in the
    /// package as handed out — the proof bundle itself.
    /// </summary>
    private sealed record PackageEvent(string RecordId, string RecordHash, string Proof, JsonObject Envelope, Core.Proofs.ProofBundle? ProofBundle);

    private static DateOnly DayOf(string occurredAt) =>
        CorrectionCalendar.DayOf(DateTimeOffset.Parse(occurredAt, System.Globalization.CultureInfo.InvariantCulture));

    private static byte[] Canonical(JsonObject envelope) => Encoding.UTF8.GetBytes(JsonCanonicalizer.CanonicalizeToString(envelope));

    private static byte[] Json<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, EvidenceManifest.Json);

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static byte[] Zip(SortedDictionary<string, byte[]> files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in files.Keys.OrderBy(n => n == EvidenceLayout.Manifest ? 0 : 1).ThenBy(n => n, StringComparer.Ordinal))
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                entry.Write(files[name]);
            }
        }
        return buffer.ToArray();
    }
}
