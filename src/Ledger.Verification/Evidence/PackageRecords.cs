using System.Text.Json;
using System.Text.Json.Nodes;
using Ledger.Chain;
using Ledger.Core.Records;
using Ledger.Core.Records.Chains;
using Ledger.Core.Records.Types.CommunityCorrection;
using Ledger.Core.Records.Types.CommunityCorrection.Evidence;

namespace Ledger.Verification.Evidence;

/// <summary>A record of the package as checked: its hash recomputed from its envelope (null when it could not be), its link and its anchor.</summary>
/// <param name="Seq">Its number, as the manifest states it; 0 for a revocation.</param>
/// <param name="StatedHash">The hash the manifest states.</param>
/// <param name="Hash">The hash of its envelope, recomputed; null when there is no readable envelope.</param>
/// <param name="Envelope">The envelope, when it read.</param>
/// <param name="Link">Its chain link, as its payload carries it.</param>
/// <param name="TxHash">The anchoring transaction its proof names.</param>
/// <param name="Block">The block its proof names: number and hash.</param>
internal sealed record CheckedRecord(long Seq, string StatedHash, string? Hash, JsonObject? Envelope, ChainLink? Link, string? TxHash, (ulong Number, string Hash)? Block);

/// <summary>
/// Checks each record and revocation of a package on its own: its files are where the manifest says, its envelope
/// hashes to the stated hash and belongs to the stated case, and its proof checks out against the chain.
/// </summary>
internal static class PackageRecords
{
    public static async Task<(IReadOnlyList<CheckedRecord> Records, IReadOnlyList<CheckedRecord> Revocations)> CheckAsync(
        PackageFiles files, EvidenceManifest manifest, IChainClient chain, VerifyOptions options, PackageReport report, CancellationToken ct)
    {
        var records = new List<CheckedRecord>();
        foreach (var entry in manifest.Records)
        {
            var subject = $"record {entry.Seq} ({entry.Type}, {entry.OccurredAt}) {entry.RecordHash}";
            if (entry.Directory != EvidenceLayout.RecordDirectory(entry.Seq))
            {
                report.Problem($"{subject}: its files are in {ValueText.Quote(entry.Directory)}, not in {EvidenceLayout.RecordDirectory(entry.Seq)} where number {entry.Seq} belongs.");
            }
            var checkedRecord = await CheckOneAsync(files, entry.Directory, entry.Seq, entry.RecordHash, subject, chain, options, report, ct);
            if (checkedRecord.Envelope is { } envelope && !BelongsToCase(envelope, entry, manifest))
            {
                report.Problem(entry.Type == EvidenceCaseFile.RevocationType
                    ? $"{subject}: its envelope is not a ledger/revocation dated {entry.OccurredAt} of an earlier record of the package."
                    : $"{subject}: its envelope is not the {entry.Type} of case {manifest.Case.CaseRef} dated {entry.OccurredAt} that the manifest lists.");
            }
            records.Add(checkedRecord);
        }
        var revocations = new List<CheckedRecord>();
        foreach (var revocation in manifest.Revocations)
        {
            var subject = $"revocation {revocation.RecordHash}";
            var checkedRecord = await CheckOneAsync(files, revocation.Directory, 0, revocation.RecordHash, subject, chain, options, report, ct);
            var payload = checkedRecord.Envelope?[EnvelopeFields.Payload];
            if (checkedRecord.Envelope is { } envelope && (envelope[EnvelopeFields.Type]?.GetValue<string>() != "revocation"
                || payload?["revokedRecord"]?.GetValue<string>() != revocation.Revokes || manifest.Records.All(r => r.RecordHash != revocation.Revokes)))
            {
                report.Problem($"{subject}: it is not a ledger/revocation of a record of the package.");
            }
            revocations.Add(checkedRecord);
        }
        ReportWithdrawals(manifest, records, revocations, report);
        return (records, revocations);
    }

    /// <summary>
    /// Names every revoked record and the revocation that revoked it (a verified link of the chain, or one listed beside
    /// it), and holds the manifest's statuses to them: a record it calls revoked must come with its revocation.
    /// </summary>
    private static void ReportWithdrawals(EvidenceManifest manifest, List<CheckedRecord> records, List<CheckedRecord> revocations, PackageReport report)
    {
        var intact = records.Concat(revocations).Where(r => r.Envelope is not null && r.Hash == r.StatedHash).Select(r => (r.StatedHash, r.Envelope!)).ToList();
        var revokedBy = EvidenceCaseFile.RevokedBy(intact);
        var numbers = records.ToDictionary(r => r.StatedHash, r => r.Seq, StringComparer.Ordinal);
        foreach (var entry in manifest.Records)
        {
            var subject = $"record {entry.Seq} ({entry.Type}, {entry.OccurredAt}) {entry.RecordHash}";
            if (revokedBy.TryGetValue(entry.RecordHash, out var revocation))
            {
                var by = numbers.TryGetValue(revocation, out var seq) && seq > 0 ? $"record {seq} ({revocation})" : $"the revocation {revocation}";
                report.Line($"{subject}: revoked by {by}; it no longer stands and counts for no alert");
            }
            else if (entry.Status == Core.Proofs.RecordStatus.Revoked)
            {
                report.Problem($"{subject}: the manifest says it was revoked, but the package holds no revocation of it (was the revocation removed?).");
            }
        }
    }

    private static bool BelongsToCase(JsonObject envelope, EvidenceRecord entry, EvidenceManifest manifest) =>
        entry.Type == EvidenceCaseFile.RevocationType
            ? envelope[EnvelopeFields.Domain]?.GetValue<string>() == RecordDomains.Ledger
              && envelope[EnvelopeFields.Type]?.GetValue<string>() == EvidenceCaseFile.RevocationType
              && envelope[EnvelopeFields.OccurredAt]?.GetValue<string>() == entry.OccurredAt
              && envelope[EnvelopeFields.Payload]?[EvidenceCaseFile.RevokedRecordField]?.GetValue<string>() is { } revoked
              && manifest.Records.Any(r => r.Seq < entry.Seq && r.RecordHash == revoked)
            : BelongsToCase(envelope, entry, manifest.Case.CaseRef);

    private static bool BelongsToCase(JsonObject envelope, EvidenceRecord entry, string caseRef) =>
        envelope[EnvelopeFields.Domain]?.GetValue<string>() == RecordDomains.CommunityCorrection
        && envelope[EnvelopeFields.Type]?.GetValue<string>() == entry.Type
        && envelope[EnvelopeFields.OccurredAt]?.GetValue<string>() == entry.OccurredAt
        && envelope[EnvelopeFields.Payload]?[CorrectionPayloads.CaseRef]?.GetValue<string>() == caseRef;

    private static async Task<CheckedRecord> CheckOneAsync(
        PackageFiles files, string directory, long seq, string statedHash, string subject, IChainClient chain, VerifyOptions options, PackageReport report, CancellationToken ct)
    {
        var (hash, envelope) = Envelope(files[$"{directory}/{EvidenceLayout.Envelope}"]);
        if (hash is null)
        {
            report.Problem($"{subject}: {directory}/{EvidenceLayout.Envelope} is missing or is not a record envelope.");
        }
        else if (hash != statedHash)
        {
            report.Problem($"{subject}: its envelope hashes to {hash}, not to the stated hash: the record was altered.");
        }
        // Read even from an altered envelope: the chain check then says where the altered record breaks the chain.
        var link = seq > 0 && envelope?[EnvelopeFields.Payload] is JsonObject payload ? ChainLink.Read(payload, out _) : null;
        var proofBytes = files[$"{directory}/{EvidenceLayout.Proof}"];
        var proof = EvidencePackageVerifier.JsonOf(proofBytes);
        var anchor = proof?["anchor"] as JsonObject;
        var checkedRecord = new CheckedRecord(seq, statedHash, hash, envelope, link, Text(anchor?["txHash"]),
            anchor?["blockNumber"] is JsonValue number && number.TryGetValue<ulong>(out var block) && Text(anchor["blockHash"]) is { } blockHash ? (block, blockHash) : null);
        if (proofBytes is null || proof is null)
        {
            report.Problem($"{subject}: {directory}/{EvidenceLayout.Proof} is missing or is not JSON.");
            return checkedRecord;
        }
        if (Text(proof["recordHash"])?.ToLowerInvariant() != statedHash)
        {
            report.Problem($"{subject}: its proof is for another record ({ValueText.Quote(Text(proof["recordHash"]) ?? "")}).");
            return checkedRecord;
        }
        var outcome = await ProofVerifier.VerifyAsync(proofBytes, chain, options, ct);
        report.Count(outcome.Kind);
        if (outcome.Kind == VerificationKind.Invalid)
        {
            report.Problem($"{subject}: its proof {outcome.Message}");
        }
        else
        {
            report.Line($"{subject}: {(hash == statedHash ? "envelope ✓, " : "")}{outcome.Message}");
        }
        return checkedRecord;
    }

    private static (string? Hash, JsonObject? Envelope) Envelope(byte[]? bytes)
    {
        if (bytes is null)
        {
            return (null, null);
        }
        try
        {
            var json = JsonNode.Parse(bytes) as JsonObject;
            return json is null ? (null, null) : (RecordCommitment.ComputeHash(RecordEnvelope.FromJson(json)), json);
        }
        catch (Exception e) when (e is JsonException or RecordFormatException or Core.Canonical.CanonicalJsonException)
        {
            return (null, null);
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
