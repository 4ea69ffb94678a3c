using System.Text.Json;
using System.Text.RegularExpressions;
using Ledger.Testing;

namespace Ledger.Api.Tests.Hosting;

/// <summary>docs/examples.http shows a request for every operation of the committed OpenAPI document.</summary>
public sealed partial class ExamplesHttpTests
{
    [Fact]
    public async Task EveryOperationInTheOpenApiDocumentHasAnExampleRequest()
    {
        var examples = await File.ReadAllLinesAsync(Path.Combine(RepositoryPaths.Root, "docs", "examples.http"));
        var requests = examples.Select(l => RequestLine().Match(l)).Where(m => m.Success)
            .Select(m => (Method: m.Groups["method"].Value, Path: m.Groups["path"].Value)).ToList();
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(CommittedOpenApiDocumentTests.CommittedPath));

        var missing = new List<string>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            // A template's {parameter} stands for one path segment, whatever the example puts there.
            var pattern = new Regex("^" + Regex.Replace(Regex.Escape(path.Name.TrimEnd('/')), @"\\\{[^}]+}", "[^/?]+") + "/?$");
            missing.AddRange(path.Value.EnumerateObject()
                .Select(o => o.Name.ToUpperInvariant())
                .Where(method => !requests.Any(r => r.Method == method && pattern.IsMatch(r.Path)))
                .Select(method => $"{method} {path.Name}"));
        }

        Assert.True(requests.Count > 0, "docs/examples.http has no request lines");
        Assert.Empty(missing);
    }

    // "GET {{base}}/api/v1/records/{{id}}?x=1 HTTP/1.1": the method, and the path without the base or the query.
    [GeneratedRegex(@"^(?<method>GET|POST|PUT|PATCH|DELETE) \{\{base\}\}(?<path>[^?\s]*)")]
    private static partial Regex RequestLine();
}
