using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Ledger.Api.Access;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ledger.Api.Tests.Security;

public sealed class LogScanTests
{
    [Fact]
    public async Task AFullScenarioLeavesNoKeySaltOrPayloadInTheLogs()
    {
        var logs = new CapturedLogs();
        await using var factory = new LedgerApiFactory(settings: new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Trace",
            ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Trace",
        })
        {
            ConfigureServices = services => services.AddSingleton<ILoggerProvider>(logs),
        };
        try
        {
            var errorBodies = new List<string>();
            var secrets = await DriveScenarioAsync(factory, errorBodies);

            var lines = logs.Lines.ToList();
            Assert.True(lines.Count > 200, $"Only {lines.Count} log lines were captured; the scan would prove little.");
            // The chattiest sources are in: every SQL command and every endpoint; request lines, whose paths can carry a
            // case reference, never are.
            Assert.Contains(lines, l => l.Contains("Executed DbCommand", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.Contains("Executing endpoint", StringComparison.Ordinal));
            Assert.DoesNotContain(lines, l => l.Contains("Request starting", StringComparison.Ordinal));
            var leaks = secrets.SelectMany(s => lines.Where(l => l.Contains(s, StringComparison.Ordinal)).Select(l => $"'{s}' in: {l[..Math.Min(l.Length, 300)]}")).ToList();
            Assert.True(leaks.Count == 0, string.Join("\n", leaks.Take(10)));
            Assert.Equal(6, errorBodies.Count);
            Assert.All(errorBodies, body => Assert.All(secrets, secret => Assert.DoesNotContain(secret, body)));
        }
        finally
        {
            await factory.DisposeAsync();
            factory.DeleteData();
        }
    }

    [Fact]
    public async Task EntityFrameworkNeverLogsParameterValues()
    {
        await using var factory = new LedgerApiFactory();
        try
        {
            var sensitive = await factory.QueryAsync(db => Task.FromResult(
                db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.IsSensitiveDataLoggingEnabled));

            Assert.NotEqual(true, sensitive);
        }
        finally
        {
            await factory.DisposeAsync();
            factory.DeleteData();
        }
    }

    /// <summary>Submits, reads, verifies and abuses the service; returns every secret text it handled.</summary>
    private static async Task<List<string>> DriveScenarioAsync(LedgerApiFactory factory, List<string> errorBodies)
    {
        var secrets = new List<string>();
        foreach (var role in Roles.All)
        {
            var key = factory.KeyFor(role);
            secrets.Add(key);
            secrets.Add(key[13..]); // the secret after "ldg_xxxxxxxx_" (it may itself hold '_')
        }
        var submissions = new[] { (Roles.Inspector, Samples.Inspection()), (Roles.CommunityWorker, Samples.VolunteerService()), (Roles.CorrectionOfficer, Samples.CheckIn()) };
        secrets.AddRange(["CC-2026-0042", "OFF-17", "Green Valley Vegetables Co.", "Spinach", "V-318", "Elderly meal delivery"]);

        var hashes = new List<string>();
        var ids = new List<string>();
        foreach (var (role, submission) in submissions)
        {
            var client = factory.ClientFor(role);
            client.DefaultRequestHeaders.Add("Idempotency-Key", $"scan-{role}");
            var accepted = await Samples.SubmitAsync(client, submission);
            await Samples.SubmitAsync(client, submission); // a replay
            secrets.Add(accepted.GetProperty("salt").GetString()!);
            hashes.Add(accepted.GetProperty("recordHash").GetString()!);
            ids.Add(accepted.GetProperty("id").GetString()!);
            var read = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/records/{accepted.GetProperty("id").GetString()}");
            read.Headers.Add("X-Access-Purpose", "log scan review");
            (await client.SendAsync(read)).EnsureSuccessStatusCode();
        }
        foreach (var hash in hashes)
        {
            await factory.WaitForStatusAsync(hash, "confirmed");
            (await factory.CreateClient().GetAsync($"/api/v1/verify/{hash}")).EnsureSuccessStatusCode();
        }
        (await factory.ClientFor(Roles.Auditor).GetAsync("/api/v1/status")).EnsureSuccessStatusCode();

        // A case's reference travels in the paths of its endpoints: reading the case, its alerts and its evidence.
        var officer = factory.ClientFor(Roles.CorrectionOfficer);
        foreach (var (method, path) in new[] { (HttpMethod.Get, "/api/v1/correction/cases/CC-2026-0042"), (HttpMethod.Get, "/api/v1/correction/cases/CC-2026-0042/alerts"),
            (HttpMethod.Get, "/api/v1/correction/alerts"), (HttpMethod.Post, "/api/v1/correction/cases/CC-2026-0042/evidence") })
        {
            using var request = new HttpRequestMessage(method, path);
            request.Headers.Add("X-Access-Purpose", "log scan review");
            if (method == HttpMethod.Post)
            {
                request.Content = JsonContent.Create(new { from = "2026-11-01", to = "2026-11-29" });
            }
            using var response = (await officer.SendAsync(request)).EnsureSuccessStatusCode();
            if (response.Headers.Location is { } package)
            {
                // The package's own path names the case too: fetched (or answered "not ready") as the officer would.
                using var fetch = new HttpRequestMessage(HttpMethod.Get, package);
                fetch.Headers.Add("X-Access-Purpose", "log scan review");
                (await officer.SendAsync(fetch)).EnsureSuccessStatusCode();
            }
        }

        // Refused requests that carry secrets or personal data: none of it may be echoed into a log or an error body.
        var inspectorKey = factory.KeyFor(Roles.Inspector);
        var forged = inspectorKey[..^1] + (inspectorKey[^1] == 'A' ? 'B' : 'A');
        secrets.Add(forged);
        var badCheckIn = Samples.CheckIn();
        badCheckIn["payload"]!["method"] = "teleport";
        var withForgedKey = factory.CreateClient();
        withForgedKey.DefaultRequestHeaders.Add("X-Api-Key", forged);
        var withToken = factory.CreateClient();
        withToken.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJDQy0yMDI2LTAwNDIifQ.c2lnbmF0dXJl");
        secrets.Add("eyJzdWIiOiJDQy0yMDI2LTAwNDIifQ");
        HttpResponseMessage[] refused =
        [
            await SendAsync(factory, Roles.CorrectionOfficer, "{\"domain\":\"community-correction\",\"type\":\"check-in\",\"payload\":{\"subjectRef\":\"CC-2026-0042\""),
            await SendAsync(factory, Roles.CorrectionOfficer, badCheckIn.ToJsonString()),
            await SendAsync(factory, Roles.Inspector, Samples.CheckIn().ToJsonString()),
            await factory.ClientFor(Roles.Inspector).GetAsync($"/api/v1/records/{ids[2]}"),
            await withForgedKey.PostAsJsonAsync("/api/v1/records", Samples.Inspection()),
            await withToken.GetAsync("/api/v1/status"),
        ];
        foreach (var response in refused)
        {
            Assert.True((int)response.StatusCode is >= 400 and < 500, $"Expected a refusal, got {(int)response.StatusCode}.");
            errorBodies.Add(await response.Content.ReadAsStringAsync());
        }
        return secrets;
    }

    private static Task<HttpResponseMessage> SendAsync(LedgerApiFactory factory, string role, string body) =>
        factory.ClientFor(role).PostAsync("/api/v1/records", new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")));
}
