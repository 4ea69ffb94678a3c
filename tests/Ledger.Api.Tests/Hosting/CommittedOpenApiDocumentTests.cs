using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ledger.Testing;

namespace Ledger.Api.Tests.Hosting;

/// <summary>
/// docs/openapi.json is the document the service serves, so integrators can read and generate clients from the
/// repository. Refresh it with <c>scripts/openapi</c>, which runs this test with <c>LEDGER_WRITE_OPENAPI=1</c>.
/// </summary>
public sealed class CommittedOpenApiDocumentTests(SharedLedger ledger) : IClassFixture<SharedLedger>
{
    /// <summary>Where the committed document lives.</summary>
    public static string CommittedPath => Path.Combine(RepositoryPaths.Root, "docs", "openapi.json");

    // Readable in review: apostrophes and Chinese as themselves, not \u escapes (the file is never embedded in HTML).
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true, IndentSize = 2, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    [Fact]
    public async Task TheCommittedOpenApiDocumentIsTheOneTheServiceServes()
    {
        var served = JsonNode.Parse(await ledger.Factory.CreateClient().GetStringAsync(ServedOperation.DocumentPath))!;
        var text = served.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
        if (Environment.GetEnvironmentVariable("LEDGER_WRITE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(CommittedPath, text);
        }

        var committed = File.Exists(CommittedPath) ? JsonNode.Parse(await File.ReadAllTextAsync(CommittedPath)) : null;

        if (!JsonNode.DeepEquals(committed, served))
        {
            var copy = Path.Combine(Path.GetTempPath(), "openapi.served.json");
            await File.WriteAllTextAsync(copy, text);
            Assert.Fail($"docs/openapi.json differs from the document the service serves ({copy}). If the API change is " +
                "meant, run scripts/openapi and commit docs/openapi.json (and add the new operations to docs/examples.http).");
        }
    }
}
