using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ledger.Api.Access;
using Ledger.Api.Tests.Audit;
using Ledger.Chain;
using Ledger.Cli;
using Ledger.Verification;
using Ledger.Verification.Evidence;

namespace Ledger.Api.Tests.Correction;

/// <summary>
/// The evidence package of the 60-day scenario: it verifies against the chain alone, with the CLI too, and fails when a
/// file is altered, a record removed or moved, a proof swapped, the alerts edited or the tail cut off.
/// </summary>
public sealed class EvidencePackageTests(EvidenceLedger ledger) : IClassFixture<EvidenceLedger>
{
    [Fact]
    public async Task ThePackageVerifiesAgainstTheChainRecordByRecord()
    {
        var verification = await VerifyAsync(ledger.Package);

        Assert.True(verification.IsValid, string.Join("\n", verification.Problems.Take(10)));
        var manifest = JsonNode.Parse(ledger.Files()["manifest.json"])!;
        var records = manifest["records"]!.AsArray();
        Assert.Equal(records.Count, verification.Lines.Count(l => l.StartsWith("record ", StringComparison.Ordinal) && l.Contains("valid", StringComparison.Ordinal)));
        Assert.Equal("case-opened", records[0]!["type"]!.GetValue<string>());
        Assert.Contains(verification.Lines, l => l.StartsWith("chain: records 1 to", StringComparison.Ordinal));
        Assert.Contains(verification.Lines, l => l.StartsWith("alerts: 9 computed again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheCliVerifiesThePackageAndPrintsAVerdictPerRecord()
    {
        var file = Path.Combine(ledger.Factory.DataDirectory, $"package-{Guid.NewGuid():N}.zip");
        await File.WriteAllBytesAsync(file, ledger.Package);
        var (output, error) = (new StringWriter(), new StringWriter());

        var code = await CliApp.RunAsync(["verify-package", file, "--rpc", ledger.RpcUrl, "--contract", ledger.Contract], output, error);

        Assert.True(code == 0, $"{output}\n{error}");
        Assert.Contains("valid: every file, record, proof, chain link and alert", output.ToString());
        Assert.Contains("(as required by --contract)", output.ToString());
    }

    [Fact]
    public void ThePackageHoldsEveryPartTheCourtNeeds()
    {
        var files = ledger.Files();
        var manifest = JsonNode.Parse(files["manifest.json"])!;

        foreach (var name in new[] { "guide.zh.txt", "guide.en.txt", "chain.json", "alerts.json", "package-event.json", "records/000001/envelope.json", "records/000001/proof.json" })
        {
            Assert.True(files.ContainsKey(name), $"{name} is missing");
        }
        Assert.Contains(files.Keys, k => k.StartsWith("anchoring/0x", StringComparison.Ordinal));
        Assert.Contains("ledger verify-package", Encoding.UTF8.GetString(files["guide.zh.txt"]));
        Assert.Equal(EvidenceLedger.Purpose, manifest["requestedBy"]!["purpose"]!.GetValue<string>());
        Assert.Equal(ledger.CaseRef, manifest["case"]!["caseRef"]!.GetValue<string>());
        var envelope = JsonNode.Parse(files["records/000002/envelope.json"])!;
        Assert.StartsWith("0x", envelope["salt"]!.GetValue<string>());
        Assert.Equal(2, envelope["payload"]!["chain"]!["seq"]!.GetValue<int>());
    }

    [Fact]
    public async Task MakingAPackageIsAnAccessTrailEventThatCommitsToItsManifest()
    {
        var files = ledger.Files();
        var packageEvent = JsonNode.Parse(files["package-event.json"])!;

        var entries = await Trail.AllAsync(ledger.Factory.ClientFor(Roles.Auditor));

        var entry = Assert.Single(entries, e => e.GetProperty("entryHash").GetString() == packageEvent["recordHash"]!.GetValue<string>());
        Assert.Equal(EvidenceLedger.Purpose, entry.GetProperty("purpose").GetString());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(files["manifest.json"])),
            packageEvent["envelope"]!["payload"]!["packageManifest"]!.GetValue<string>());
    }

    [Fact]
    public async Task ThePackageAsHandedOutHoldsItsEventsProofSoItNeedsNothingElse()
    {
        var packageEvent = JsonNode.Parse(ledger.Files()["package-event.json"])!;
        var hash = packageEvent["recordHash"]!.GetValue<string>();

        var verification = await VerifyAsync(ledger.Package);

        Assert.True(verification.IsValid, string.Join("\n", verification.Problems));
        Assert.Equal(hash, packageEvent["proofBundle"]!["recordHash"]!.GetValue<string>());
        Assert.Contains(verification.Lines, l => l.StartsWith($"package event {hash}: commits to this manifest; valid", StringComparison.Ordinal));
    }

    [Fact]
    public async Task APackageWithoutItsEventsProofIsNotCompleteUntilTheProofIsGivenApart()
    {
        var files = ledger.Files();
        var packageEvent = JsonNode.Parse(files["package-event.json"])!;
        var hash = packageEvent["recordHash"]!.GetValue<string>();
        packageEvent["proofBundle"] = null;
        files["package-event.json"] = Encoding.UTF8.GetBytes(packageEvent.ToJsonString());
        var stripped = EvidenceLedger.Zip(files, reseal: false);

        var alone = await VerifyAsync(stripped);
        var proof = await ledger.Factory.WaitForStatusAsync(hash, "confirmed");
        var withProof = await VerifyAsync(stripped, Encoding.UTF8.GetBytes(proof.GetRawText()));

        Assert.Equal(VerificationKind.NotAnchoredYet, alone.Kind);
        Assert.Contains(alone.Lines, l => l.Contains("the package holds no proof of it", StringComparison.Ordinal));
        Assert.True(withProof.IsValid, string.Join("\n", withProof.Problems));
    }

    [Fact]
    public async Task TheRevokedRecordIsShownRevokedByTheRevocationInItsChain()
    {
        var manifest = JsonNode.Parse(ledger.Files()["manifest.json"])!;
        var records = manifest["records"]!.AsArray();
        var revoked = records.Single(r => r!["recordHash"]!.GetValue<string>() == ledger.RevokedWarning)!;
        var revocation = records.Single(r => r!["type"]!.GetValue<string>() == "revocation")!;

        var verification = await VerifyAsync(ledger.Package);

        Assert.True(verification.IsValid, string.Join("\n", verification.Problems));
        Assert.Equal("revoked", revoked["status"]!.GetValue<string>());
        Assert.True(revocation["seq"]!.GetValue<int>() < records.Count, "the revocation is inside the chain, not at its end");
        Assert.Contains(verification.Lines, l => l.StartsWith($"record {revoked["seq"]} (warning,", StringComparison.Ordinal)
            && l.Contains($"{ledger.RevokedWarning}: revoked by record {revocation["seq"]}", StringComparison.Ordinal));
        Assert.Empty(JsonNode.Parse(ledger.Files()["manifest.json"])!["revocations"]!.AsArray());
    }

    // Each tampering, and what the checker must say about it (resealed: the forger brought the manifest's hashes in line).
    public static TheoryData<string, string> Tamperings => new()
    {
        { "an altered envelope", "its envelope hashes to" },
        { "an altered envelope, manifest resealed", "its envelope hashes to" },
        { "a record removed", "1 record is missing" },
        { "a record removed, manifest resealed", "1 record is missing" },
        { "two records swapped", "out of order" },
        { "a proof swapped", "its proof is for another record" },
        { "an altered Merkle root", "the Merkle proof does not lead" },
        { "alerts edited", "alerts.json is not what the records give" },
        { "the tail cut off", "package event: package-event.json is not" },
        { "the tail cut off, event forged", "the proof given is for another record" },
        { "a revocation removed, manifest resealed", "1 record is missing" },
        { "a correction removed, manifest resealed", "1 record is missing" },
        { "an extra file", "is in the package but not in its manifest" },
        { "an altered guide", "\"guide.en.txt\" was altered" },
    };

    [Theory]
    [MemberData(nameof(Tamperings))]
    public async Task ATamperedPackageIsInvalid(string tampering, string finding)
    {
        var files = ledger.Files();
        var reseal = tampering.EndsWith("resealed", StringComparison.Ordinal) || tampering is "two records swapped" or "a proof swapped" or "alerts edited"
            or "the tail cut off" or "an altered Merkle root";
        switch (tampering)
        {
            case "an altered envelope" or "an altered envelope, manifest resealed":
                var altered = JsonNode.Parse(files["records/000021/envelope.json"])!;
                altered["payload"]!["officerRef"] = "XX-ALTERED";
                files["records/000021/envelope.json"] = Encoding.UTF8.GetBytes(altered.ToJsonString());
                break;
            case "a record removed" or "a record removed, manifest resealed":
                Remove(files, 14);
                break;
            case "two records swapped":
                (files["records/000010/envelope.json"], files["records/000011/envelope.json"]) = (files["records/000011/envelope.json"], files["records/000010/envelope.json"]);
                (files["records/000010/proof.json"], files["records/000011/proof.json"]) = (files["records/000011/proof.json"], files["records/000010/proof.json"]);
                SwapManifest(files, 10, 11);
                break;
            case "a proof swapped":
                files["records/000005/proof.json"] = files["records/000006/proof.json"];
                break;
            case "an altered Merkle root":
                var proof = JsonNode.Parse(files["records/000007/proof.json"])!;
                proof["merkle"]!["root"] = "0x" + new string('a', 64);
                files["records/000007/proof.json"] = Encoding.UTF8.GetBytes(proof.ToJsonString());
                break;
            case "alerts edited":
                var alerts = JsonNode.Parse(files["alerts.json"])!.AsArray();
                alerts.RemoveAt(1);
                files["alerts.json"] = Encoding.UTF8.GetBytes(alerts.ToJsonString());
                break;
            case "the tail cut off" or "the tail cut off, event forged":
                var manifest = JsonNode.Parse(files["manifest.json"])!;
                var last = manifest["records"]!.AsArray().Count;
                Remove(files, last);
                manifest = JsonNode.Parse(files["manifest.json"])!;
                manifest["chain"]!["toSeq"] = last - 1;
                manifest["chain"]!["headSeq"] = last - 1;
                manifest["chain"]!["headHash"] = manifest["records"]![last - 2]!["recordHash"]!.GetValue<string>();
                files["manifest.json"] = Encoding.UTF8.GetBytes(manifest.ToJsonString());
                if (tampering.EndsWith("forged", StringComparison.Ordinal))
                {
                    ForgeEvent(files);
                }
                break;
            case "a revocation removed, manifest resealed":
                Remove(files, SeqOf(files, r => r["type"]!.GetValue<string>() == "revocation"));
                break;
            case "a correction removed, manifest resealed":
                var corrected = Encoding.UTF8.GetString(files["manifest.json"]);
                Remove(files, SeqOf(files, r => JsonNode.Parse(files[$"{r["directory"]}/envelope.json"])!["supersedes"] is not null));
                Assert.NotEqual(corrected, Encoding.UTF8.GetString(files["manifest.json"]));
                break;
            case "an extra file":
                files["records/000099/notes.txt"] = Encoding.UTF8.GetBytes("added later");
                break;
            case "an altered guide":
                files["guide.en.txt"] = Encoding.UTF8.GetBytes("Everything here is fine.");
                break;
        }

        var verification = await VerifyAsync(EvidenceLedger.Zip(files, reseal));

        Assert.Equal(VerificationKind.Invalid, verification.Kind);
        Assert.StartsWith("invalid:", verification.Summary, StringComparison.Ordinal);
        Assert.True(verification.Problems.Any(p => p.Contains(finding, StringComparison.Ordinal)), string.Join("\n", verification.Problems));
    }

    [Fact]
    public async Task AnotherJurisdictionGets404AndNoPackage()
    {
        using var response = await EvidenceLedger.RequestAsync(ledger.Factory.ClientFor("binjiang-correction-officer"), ledger.CaseRef, "2026-08-03", "2026-10-01");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("2026-10-01", "2026-08-03", "to")]
    [InlineData("2026-8-3", "2026-10-01", "from")]
    [InlineData("2026-08-03", "2099-01-01", "to")]
    public async Task ARangeThatIsNotOneIsA400NamingTheField(string from, string to, string field)
    {
        using var response = await EvidenceLedger.RequestAsync(ledger.Factory.ClientFor(Roles.CorrectionOfficer), ledger.CaseRef, from, to);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task APackageNeedsAPurpose()
    {
        using var response = await EvidenceLedger.RequestAsync(ledger.Factory.ClientFor(Roles.CorrectionOfficer), ledger.CaseRef, "2026-08-03", "2026-10-01", purpose: null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<PackageVerification> VerifyAsync(byte[] package, byte[]? eventProof = null)
    {
        using var http = new HttpClient();
        var chain = new JsonRpcChainClient(http, new Uri(ledger.RpcUrl));
        return await EvidencePackageVerifier.VerifyAsync(new MemoryStream(package), chain, new VerifyOptions { ExpectedContract = ledger.Contract }, eventProof);
    }

    // The number of the one record of the manifest that <which> picks.
    private static int SeqOf(SortedDictionary<string, byte[]> files, Func<JsonNode, bool> which) =>
        JsonNode.Parse(files["manifest.json"])!["records"]!.AsArray().Single(r => which(r!))!["seq"]!.GetValue<int>();

    // A forger's package event for the rewritten manifest: the envelope recommitted to it and rehashed, the genuine
    // event's proof kept (it is the only one on chain) — the proof is then for another record than the event.
    private static void ForgeEvent(SortedDictionary<string, byte[]> files)
    {
        EvidenceLedger.Zip(files, reseal: true); // brings the manifest's file list in line first
        var packageEvent = JsonNode.Parse(files["package-event.json"])!;
        var envelope = packageEvent["envelope"]!;
        envelope["payload"]!["packageManifest"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(files["manifest.json"]));
        packageEvent["recordHash"] = Core.Records.RecordCommitment.ComputeHash(Core.Records.RecordEnvelope.FromJson(envelope.AsObject()));
        files["package-event.json"] = Encoding.UTF8.GetBytes(packageEvent.ToJsonString());
    }

    // Takes record <seq> out: its files, and its line in the manifest.
    private static void Remove(SortedDictionary<string, byte[]> files, int seq)
    {
        var directory = $"records/{seq:D6}/";
        foreach (var key in files.Keys.Where(k => k.StartsWith(directory, StringComparison.Ordinal)).ToList())
        {
            files.Remove(key);
        }
        var manifest = JsonNode.Parse(files["manifest.json"])!;
        var records = manifest["records"]!.AsArray();
        records.Remove(records.Single(r => r!["seq"]!.GetValue<int>() == seq));
        files["manifest.json"] = Encoding.UTF8.GetBytes(manifest.ToJsonString());
    }

    // The manifest's lines of two records trade places with their files, directories and numbers kept as a forger would.
    private static void SwapManifest(SortedDictionary<string, byte[]> files, int a, int b)
    {
        var manifest = JsonNode.Parse(files["manifest.json"])!;
        var records = manifest["records"]!.AsArray();
        var (first, second) = (records[a - 1]!, records[b - 1]!);
        foreach (var field in new[] { "recordHash", "type", "occurredAt", "status", "inRange" })
        {
            (first[field], second[field]) = (second[field]!.DeepClone(), first[field]!.DeepClone());
        }
        files["manifest.json"] = Encoding.UTF8.GetBytes(manifest.ToJsonString());
    }
}
