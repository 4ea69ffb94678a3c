using System.Net;
using System.Text.Json;
using Ledger.Core.Encoding;

namespace Ledger.Api.Tests.Hosting;

/// <summary>With Logging:Format=json the real service writes one JSON object per log line, each request's lines carry its id.</summary>
public sealed class JsonLogsTests
{
    [Fact]
    public async Task EveryLogLineIsJsonAndARequestsLinesCarryTheIdItsResponseNames()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("ledger-jsonlogs-").FullName;
        // A path the logs must never show (paths can carry a case reference).
        var probe = Hex.Encode(Enumerable.Range(0, 32).Select(i => (byte)(0xA0 + i % 16)).ToArray());
        try
        {
            await using var service = await ServiceProcess.StartAsync(dataDirectory, TimeSpan.FromSeconds(90),
                "--Logging:Format", "json",
                "--Logging:LogLevel:Microsoft.AspNetCore.Routing.EndpointMiddleware", "Information");
            using var client = new HttpClient { BaseAddress = service.BaseAddress };
            var response = await client.GetAsync($"/api/v1/verify/{probe}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var requestId = response.Headers.GetValues("X-Request-Id").Single();
            await service.TerminateAsync(TimeSpan.FromSeconds(30));

            var logLines = service.Output.Split('\n').Select(l => l.TrimEnd('\r'))
                .Where(l => l.Length > 0 && l != "Ledger is running." && !l.StartsWith("  ", StringComparison.Ordinal))
                .ToList();
            Assert.True(logLines.Count >= 5, $"Too few log lines to prove anything:\n{service.Output}");
            var entries = logLines.Select(l =>
            {
                try
                {
                    return JsonDocument.Parse(l).RootElement;
                }
                catch (JsonException e)
                {
                    throw new Xunit.Sdk.XunitException($"Not a JSON line ({e.Message}): {l}");
                }
            }).ToList();
            Assert.All(entries, e =>
            {
                Assert.True(e.TryGetProperty("Timestamp", out _));
                Assert.True(e.TryGetProperty("LogLevel", out _));
                Assert.True(e.TryGetProperty("Category", out _));
                Assert.True(e.TryGetProperty("Message", out _));
            });
            var ofTheRequest = entries.Where(e => e.TryGetProperty("Scopes", out var scopes)
                && scopes.EnumerateArray().Any(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("RequestId", out var id) && id.GetString() == requestId)).ToList();
            Assert.Contains(ofTheRequest, e => e.GetProperty("Message").GetString()!.StartsWith("Executing endpoint", StringComparison.Ordinal));
            Assert.DoesNotContain(probe[2..], service.Output, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
