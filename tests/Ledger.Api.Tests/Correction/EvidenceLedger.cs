using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ledger.Api.Access;
using Ledger.Cli.Commands.Demo;

namespace Ledger.Api.Tests.Correction;

/// <summary>
/// One service with the 60-day scenario played, then a warning revoked and one corrected, every record confirmed on
/// chain, and its evidence package made and fetched once, complete with its event's proof: each test checks or tampers
/// with its own copy of the bytes.
/// </summary>
public sealed class EvidenceLedger : IAsyncLifetime
{
    public const string Purpose = "evidence for the court, case 2026-XH-17";
    public static readonly DateOnly Start = new(2026, 8, 3);

    public LedgerApiFactory Factory { get; } = new();

    public string CaseRef { get; } = CaseRecords.FreshRef("SQJZ-EV");

    /// <summary>The package of days 0 to 59.</summary>
    public byte[] Package { get; private set; } = [];

    public string RpcUrl { get; private set; } = "";

    public string Contract { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var chain = await Factory.ChainAsync();
        RpcUrl = chain.RpcUrl.ToString();
        Contract = chain.Contract.Address;
        var outcome = await ScenarioRunner.PlayAsync(Factory.ClientFor, CaseRef, Start, null, CancellationToken.None);
        Assert.Empty(outcome.Failures);
        var officer = Factory.ClientFor(Roles.CorrectionOfficer);
        var withdrawals = await WithdrawalsAsync(officer);
        await EvidenceDownload.WaitForConfirmedAsync(Factory.CreateClient(), [.. outcome.RecordHashes, .. withdrawals], TimeSpan.FromSeconds(60), CancellationToken.None);
        Package = await EvidenceDownload.FetchAsync(officer, CaseRef, Start, Start.AddDays(59), Purpose, TimeSpan.FromSeconds(60), CancellationToken.None);
    }

    /// <summary>The revoked warning of day 15.</summary>
    public string RevokedWarning { get; private set; } = "";

    /// <summary>
    /// After the 60 days: a warning on day 15 that is revoked, one on day 16 that is corrected, and one on day 17 after
    /// both — so the revocation and the correction are links inside the chain, not at its end. Warnings raise no alerts.
    /// </summary>
    private async Task<IReadOnlyList<string>> WithdrawalsAsync(HttpClient officer)
    {
        var revoked = await CaseRecords.SubmitAsync(officer, Warning(15, "late for the weekly report"));
        var corrected = await CaseRecords.SubmitAsync(officer, Warning(16, "missed a group study session"));
        var correction = Warning(16, "missed a community service session");
        correction["supersedes"] = corrected.GetProperty("recordHash").GetString();
        var correcting = await CaseRecords.SubmitAsync(officer, correction);
        RevokedWarning = revoked.GetProperty("recordHash").GetString()!;
        var revocation = await CaseRecords.RevokeAsync(officer, RevokedWarning);
        var after = await CaseRecords.SubmitAsync(officer, Warning(17, "left the district without approval"));
        return [.. new[] { revoked, corrected, correcting, after }.Select(r => r.GetProperty("recordHash").GetString()!), revocation.GetProperty("recordHash").GetString()!];
    }

    private JsonObject Warning(int day, string reason) => CaseRecords.Submission("warning", CaseRecords.At(Start.AddDays(day), 11), new JsonObject
    {
        ["subjectRef"] = CaseRef, ["level"] = "admonition", ["reason"] = reason, ["officerRef"] = "XH-SFS-031",
    });

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        Factory.DeleteData();
    }

    /// <summary>POST …/evidence with a purpose.</summary>
    public static Task<HttpResponseMessage> RequestAsync(HttpClient client, string caseRef, string from, string to, string? purpose = Purpose)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/correction/cases/{caseRef}/evidence")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new JsonObject { ["from"] = from, ["to"] = to }),
        };
        if (purpose is not null)
        {
            request.Headers.Add("X-Access-Purpose", purpose);
        }
        return client.SendAsync(request);
    }

    /// <summary>The package's files, to read or tamper with.</summary>
    public SortedDictionary<string, byte[]> Files()
    {
        using var archive = new ZipArchive(new MemoryStream(Package), ZipArchiveMode.Read);
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in archive.Entries)
        {
            using var stream = entry.Open();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            files[entry.FullName] = buffer.ToArray();
        }
        return files;
    }

    /// <summary>A ZIP of <paramref name="files"/>; with <paramref name="reseal"/>, the manifest's hashes are brought in line first, as a careful forger would.</summary>
    public static byte[] Zip(SortedDictionary<string, byte[]> files, bool reseal)
    {
        if (reseal)
        {
            var manifest = JsonNode.Parse(files["manifest.json"])!.AsObject();
            manifest["files"] = new JsonArray([.. files.Keys.Where(k => k is not ("manifest.json" or "package-event.json"))
                .Select(k => (JsonNode)new JsonObject { ["path"] = k, ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(files[k])) })]);
            files["manifest.json"] = JsonSerializer.SerializeToUtf8Bytes(manifest);
        }
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in files)
            {
                using var stream = archive.CreateEntry(name).Open();
                stream.Write(bytes);
            }
        }
        return buffer.ToArray();
    }
}
