using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ledger.Chain;
using Ledger.Core.Records.Types.CommunityCorrection.Evidence;

namespace Ledger.Verification.Evidence;

/// <summary>
/// Checks a community-correction evidence package (<c>ledger-evidence/v1</c>) against a chain the caller trusts,
/// without the Ledger service: every file against the manifest's SHA-256; every record's envelope against its hash,
/// its case and its proof (each through <see cref="ProofVerifier"/>: Merkle path, anchor, issuer signature and
/// registry); the completeness chain from the case's opening to the stated last record, so a record dropped, added or
/// moved is found; the anchoring transactions' signed bytes; the alerts, computed again from the records; and the
/// package event's commitment to the manifest. It fails closed: one verdict, never an exception for what a package holds.
/// </summary>
public static class EvidencePackageVerifier
{
    /// <summary>Checks the package in <paramref name="zip"/>.</summary>
    /// <param name="zip">The package's bytes.</param>
    /// <param name="chain">A node of the chain the proofs name, that the caller trusts.</param>
    /// <param name="options">Which contract to require, whether an unsigned record will do.</param>
    /// <param name="eventProof">The package event's proof bundle, fetched once it was anchored; null to report it unchecked.</param>
    /// <param name="ct">Cancels the chain calls.</param>
    public static async Task<PackageVerification> VerifyAsync(
        Stream zip, IChainClient chain, VerifyOptions? options = null, byte[]? eventProof = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(zip);
        ArgumentNullException.ThrowIfNull(chain);
        var report = new PackageReport();
        try
        {
            var (files, problem) = PackageFiles.Read(zip);
            if (files is null)
            {
                report.Problem(problem!);
                return report.Result();
            }
            if (Manifest(files, report) is not { } manifest)
            {
                return report.Result();
            }
            report.Line($"package {manifest.Format}: case {manifest.Case.CaseRef} ({manifest.Case.AreaCode}), {manifest.Range.From} to {manifest.Range.To}, " +
                $"made {manifest.CreatedAt:yyyy-MM-dd HH:mm:ss} UTC by {manifest.RequestedBy.Role} of {manifest.RequestedBy.Organisation} for \"{manifest.RequestedBy.Purpose}\"");
            PackageConsistency.CheckFiles(files, manifest, report);
            var records = await PackageRecords.CheckAsync(files, manifest, chain, options ?? new VerifyOptions(), report, ct);
            PackageConsistency.CheckChain(manifest, records, report);
            PackageConsistency.CheckAlerts(files, manifest, records, report);
            PackageConsistency.CheckAnchoring(files, records, report);
            await PackageConsistency.CheckEventAsync(files, manifest, records, chain, options ?? new VerifyOptions(), eventProof, report, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            report.Problem($"the checker hit an internal error and did not finish: {ValueText.Plain(e.Message)}");
        }
        return report.Result();
    }

    private static EvidenceManifest? Manifest(PackageFiles files, PackageReport report)
    {
        if (files[EvidenceLayout.Manifest] is not { } bytes)
        {
            report.Problem($"the package has no {EvidenceLayout.Manifest}.");
            return null;
        }
        try
        {
            var manifest = JsonSerializer.Deserialize<EvidenceManifest>(bytes, EvidenceManifest.Json);
            if (manifest?.Format != EvidenceManifest.CurrentFormat)
            {
                report.Problem($"{EvidenceLayout.Manifest} is not a {EvidenceManifest.CurrentFormat} manifest.");
                return null;
            }
            return manifest;
        }
        catch (JsonException e)
        {
            report.Problem($"{EvidenceLayout.Manifest} does not read as a manifest: {ValueText.Plain(e.Message)}");
            return null;
        }
    }

    /// <summary>Lower-case hex SHA-256, as the manifest and the package event write it.</summary>
    internal static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>A file as a JSON object, or null.</summary>
    internal static JsonObject? JsonOf(byte[]? bytes)
    {
        try
        {
            return bytes is null ? null : JsonNode.Parse(bytes) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
