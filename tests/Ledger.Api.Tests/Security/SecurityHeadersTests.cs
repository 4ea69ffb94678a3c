using System.Net;
using System.Text.RegularExpressions;
using Ledger.Api.Access;

namespace Ledger.Api.Tests.Security;

public sealed partial class SecurityHeadersTests(SharedLedger ledger) : IClassFixture<SharedLedger>
{
    private readonly LedgerApiFactory _factory = ledger.Factory;

    [Theory]
    [InlineData("/api/v1/verify/0x0000000000000000000000000000000000000000000000000000000000000000")] // 404
    [InlineData("/api/v1/verify/not-a-hash")] // 400
    [InlineData("/api/v1/records/anything")] // 401
    [InlineData("/health/live")] // 200
    public async Task EveryResponseCarriesTheBrowserHardeningHeaders(string path)
    {
        var response = await _factory.CreateClient().GetAsync(path);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.StartsWith("default-src 'none'", Header(response, "Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"));
    }

    [Fact]
    public async Task AnswersToAStaffCredentialAreNeverStored()
    {
        var status = await _factory.ClientFor(Roles.Auditor).GetAsync("/api/v1/status");
        var badKey = _factory.CreateClient();
        badKey.DefaultRequestHeaders.Add("X-Api-Key", "ldg_00000000_not-a-real-secret");
        var refused = await badKey.GetAsync("/api/v1/status");

        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.True(status.Headers.CacheControl?.NoStore);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.True(refused.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task NoStoreIsKeptForCredentialsAndPublicVerificationMayBeCached()
    {
        var accepted = await Samples.SubmitAsync(_factory.ClientFor(Roles.Inspector), Samples.Inspection("L-CACHE-1"));

        var response = await _factory.CreateClient().GetAsync($"/api/v1/verify/{accepted.GetProperty("recordHash").GetString()}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(true, response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task TheSwaggerUiGetsAPolicyUnderWhichItsOwnScriptsAndStylesLoad()
    {
        var response = await _factory.CreateClient().GetAsync("/swagger/index.html");
        var html = await response.Content.ReadAsStringAsync();

        var policy = Header(response, "Content-Security-Policy");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("script-src 'self'", policy);
        Assert.Contains("style-src 'self'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        // Everything the page loads comes from this origin, which the policy allows, and none of it is inline script.
        var references = Sources().Matches(html).Select(m => m.Groups["url"].Value).ToList();
        Assert.Contains(references, r => r.EndsWith(".js", StringComparison.Ordinal));
        Assert.DoesNotMatch(@"<script(?![^>]*\bsrc=)", html);
        foreach (var reference in references)
        {
            Assert.False(Uri.TryCreate(reference, UriKind.Absolute, out _), $"Swagger UI loads {reference} from another origin.");
            var asset = await _factory.CreateClient().GetAsync(new Uri(new Uri("http://localhost/swagger/"), reference));
            Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        }
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";

    [GeneratedRegex("""(?:src|href)=["'](?<url>[^"'#]+)["']""")]
    private static partial Regex Sources();
}
