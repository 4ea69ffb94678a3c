using System.Text.Json;
using System.Text.Json.Nodes;
using Ledger.Chain;
using Ledger.Core.Encoding;
using Ledger.Core.Hashing;
using Ledger.Core.Records;
using Ledger.Core.Records.Chains;
using Ledger.Core.Records.Types.CommunityCorrection;
using Ledger.Core.Records.Types.CommunityCorrection.Evidence;

namespace Ledger.Verification.Evidence;

/// <summary>The checks of a package as a whole: its files, its chain, its alerts, its anchoring transactions and its package event.</summary>
internal static class PackageConsistency
{
    /// <summary>Every file the manifest lists is there with its SHA-256, and nothing else is.</summary>
    public static void CheckFiles(PackageFiles files, EvidenceManifest manifest, PackageReport report)
    {
        var listed = manifest.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var problems = 0;
        foreach (var file in manifest.Files)
        {
            if (files[file.Path] is not { } bytes)
            {
                report.Problem($"{ValueText.Quote(file.Path)} is listed in the manifest but missing from the package.");
                problems++;
            }
            else if (EvidencePackageVerifier.Sha256(bytes) != file.Sha256)
            {
                report.Problem($"{ValueText.Quote(file.Path)} was altered: its SHA-256 differs from the manifest's.");
                problems++;
            }
        }
        foreach (var extra in files.Names.Where(n => n is not (EvidenceLayout.Manifest or EvidenceLayout.PackageEvent) && !listed.Contains(n)))
        {
            report.Problem($"{ValueText.Quote(extra)} is in the package but not in its manifest.");
            problems++;
        }
        if (problems == 0)
        {
            report.Line($"files: all {manifest.Files.Count} match the manifest's SHA-256, and there are no others");
        }
    }

    /// <summary>The records follow each other from the case's opening to the stated last one, each naming the one before it.</summary>
    public static void CheckChain(EvidenceManifest manifest, (IReadOnlyList<CheckedRecord> Records, IReadOnlyList<CheckedRecord> Revocations) all, PackageReport report)
    {
        var records = all.Records;
        if (records.Count == 0 || manifest.Chain.FromSeq != 1 || manifest.Records[0].Type != CaseTypes.Opened)
        {
            report.Problem("the package does not start with the case's opening (record 1, case-opened), so nothing proves that no record before it is missing.");
            return;
        }
        foreach (var record in records.Where(r => r.Link is { } link && link.Sequence != r.Seq))
        {
            report.Problem($"record {record.StatedHash}: the manifest lists it as number {record.Seq}, its own link says {record.Link!.Sequence}.");
        }
        var stated = manifest.Records.LastOrDefault(r => r.Seq == manifest.Chain.ToSeq);
        var check = ChainCheck.Check([.. records.Select(r => new ChainedRecord(r.Hash ?? r.StatedHash, r.Link))],
            stated is null ? new ChainedRecord("(none)", null) : new ChainedRecord(stated.RecordHash, new ChainLink(stated.Seq, "")));
        foreach (var problem in check.Problems)
        {
            report.Problem($"chain: {problem}");
        }
        if (manifest.Chain.HeadSeq == manifest.Chain.ToSeq && records[^1].StatedHash != manifest.Chain.HeadHash)
        {
            report.Problem($"chain: the package ends with the case's head, {manifest.Chain.HeadHash}, but its last record is {records[^1].StatedHash}.");
        }
        if (check.IsWhole)
        {
            report.Line($"chain: records 1 to {manifest.Chain.ToSeq} follow each other unbroken from the case's opening; the case had {manifest.Chain.HeadSeq} records when the package was made (head {manifest.Chain.HeadHash})");
        }
    }

    /// <summary>The alerts computed again from the package's records are exactly those of alerts.json.</summary>
    public static void CheckAlerts(PackageFiles files, EvidenceManifest manifest, (IReadOnlyList<CheckedRecord> Records, IReadOnlyList<CheckedRecord> Revocations) all, PackageReport report)
    {
        if (all.Records.Any(r => r.Envelope is null || r.Hash != r.StatedHash))
        {
            report.Problem("alerts: not computed again, since records are missing or altered.");
            return;
        }
        List<EvidenceAlert>? stated;
        try
        {
            stated = files[EvidenceLayout.Alerts] is { } bytes ? JsonSerializer.Deserialize<List<EvidenceAlert>>(bytes, EvidenceManifest.Json) : null;
        }
        catch (JsonException)
        {
            stated = null;
        }
        var revoked = all.Revocations.Where(r => r.Hash == r.StatedHash)
            .Select(r => r.Envelope![EnvelopeFields.Payload]!["revokedRecord"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        var (from, to) = (CorrectionCalendar.Parse(manifest.Range.From), CorrectionCalendar.Parse(manifest.Range.To));
        var file = EvidenceCaseFile.From(manifest.Case.CaseRef, [.. all.Records.Select(r => (r.StatedHash, r.Envelope!))], revoked);
        var computed = EvidenceCaseFile.AlertsOf(file, from, to).Select(EvidenceAlert.From).ToList();
        if (stated is null || !stated.SequenceEqual(computed) || manifest.AlertsAsOf != EvidenceCaseFile.AsOf(to))
        {
            var differing = (stated ?? []).Zip(computed).Where(p => !p.First.Equals(p.Second)).Select(p => $"; first difference: {p.First.Kind} on {p.First.Date} stated, {p.Second.Kind} on {p.Second.Date} computed");
            report.Problem($"alerts: {EvidenceLayout.Alerts} is not what the records give: {computed.Count} computed, {stated?.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none readable"} stated"
                + (differing.FirstOrDefault() ?? "."));
            return;
        }
        report.Line($"alerts: {computed.Count} computed again from the records, exactly those of {EvidenceLayout.Alerts}"
            + (computed.Count == 0 ? "" : $" ({string.Join(", ", computed.GroupBy(a => a.Kind).Select(g => $"{g.Count()} {g.Key}"))})"));
    }

    /// <summary>Each anchoring transaction's signed bytes hash to it, and its receipt names the block the proofs name.</summary>
    public static void CheckAnchoring(PackageFiles files, (IReadOnlyList<CheckedRecord> Records, IReadOnlyList<CheckedRecord> Revocations) all, PackageReport report)
    {
        foreach (var group in all.Records.Concat(all.Revocations).Where(r => r.TxHash is not null).GroupBy(r => r.TxHash!.ToLowerInvariant()))
        {
            var path = EvidenceLayout.Anchoring(group.Key);
            EvidenceAnchoring? anchoring;
            try
            {
                anchoring = files[path] is { } bytes ? JsonSerializer.Deserialize<EvidenceAnchoring>(bytes, EvidenceManifest.Json) : null;
            }
            catch (JsonException)
            {
                anchoring = null;
            }
            if (anchoring is null)
            {
                report.Problem($"anchoring: {path} is missing or unreadable.");
                continue;
            }
            var raw = SignedHash(anchoring.RawTransaction);
            var block = group.First().Block;
            if (anchoring.RawTransaction is not null && raw != group.Key)
            {
                report.Problem($"anchoring: the signed transaction in {path} does not hash to {group.Key}.");
            }
            else if (anchoring.Receipt is { } receipt && (!receipt.Succeeded || block is not { } b || receipt.BlockNumber != b.Number || !string.Equals(receipt.BlockHash, b.Hash, StringComparison.OrdinalIgnoreCase)))
            {
                report.Problem($"anchoring: the receipt in {path} does not show the transaction succeeding in the block the proofs name.");
            }
            else
            {
                report.Line($"anchoring: transaction {group.Key} ({group.Count()} records){(raw is null ? "" : ", its signed bytes hash to it")}{(anchoring.Receipt is null ? "" : $", its receipt says block {anchoring.Receipt.BlockNumber}")}");
            }
        }
    }

    /// <summary>
    /// The package event commits to this manifest, and its proof (inside the package, or given apart) shows it on chain:
    /// so this manifest — its records, its chain's end — is the one handed out, and when. Without a proof the package is
    /// not complete: a manifest rewritten to cut records off the end could not be told apart.
    /// </summary>
    public static async Task CheckEventAsync(PackageFiles files, EvidenceManifest manifest, (IReadOnlyList<CheckedRecord> Records, IReadOnlyList<CheckedRecord> Revocations) all,
        IChainClient chain, VerifyOptions options, byte[]? eventProof, PackageReport report, CancellationToken ct)
    {
        var packageEvent = EvidencePackageVerifier.JsonOf(files[EvidenceLayout.PackageEvent]);
        var hash = packageEvent?["recordHash"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        string? computed;
        try
        {
            computed = packageEvent?["envelope"] is JsonObject envelope ? RecordCommitment.ComputeHash(RecordEnvelope.FromJson(envelope)) : null;
        }
        catch (Exception e) when (e is RecordFormatException or Core.Canonical.CanonicalJsonException)
        {
            computed = null;
        }
        var payload = packageEvent?["envelope"]?[EnvelopeFields.Payload];
        var manifestHash = EvidencePackageVerifier.Sha256(files[EvidenceLayout.Manifest]!);
        if (hash is null || computed != hash || payload?["packageManifest"]?.GetValue<string>() != manifestHash
            || payload["recordHash"]?.GetValue<string>() != all.Records.FirstOrDefault()?.StatedHash)
        {
            report.Problem($"package event: {EvidenceLayout.PackageEvent} is not an access-trail record of this case committing to this manifest (was the manifest changed?).");
            return;
        }
        // The package as handed out holds the event's proof; one given apart (--event-proof) is checked instead.
        if ((eventProof ?? (packageEvent!["proofBundle"] is JsonObject bundle ? System.Text.Encoding.UTF8.GetBytes(bundle.ToJsonString()) : null)) is not { } proof)
        {
            report.Count(VerificationKind.NotAnchoredYet);
            report.Line($"package event {hash}: commits to this manifest, but the package holds no proof of it, so nothing shows that this manifest is the one handed out " +
                $"(a package cut short at its end would look the same) — fetch the package again once its event is confirmed, or pass its proof (GET /api/v1/proofs/{hash}) with --event-proof");
            return;
        }
        var outcome = await ProofVerifier.VerifyAsync(proof, chain, options, ct);
        var named = EvidencePackageVerifier.JsonOf(proof)?["recordHash"]?.GetValue<string>();
        report.Count(outcome.Kind);
        if (named != hash || outcome.Kind == VerificationKind.Invalid)
        {
            report.Problem($"package event {hash}: the proof given {(named != hash ? "is for another record" : outcome.Message)}");
            return;
        }
        report.Line($"package event {hash}: commits to this manifest; {outcome.Message}");
    }

    private static string? SignedHash(string? rawTransaction)
    {
        try
        {
            return rawTransaction is null ? null : Hex.Encode(Keccak256.Hash(Hex.Decode(rawTransaction)));
        }
        catch (FormatException)
        {
            return "(not hex)";
        }
    }
}
