using System.Net;
using Ledger.Api.Tests.PublicPages;
using Ledger.Cli;

namespace Ledger.Api.Tests.Community;

/// <summary><c>ledger demo community</c> against a running embedded instance on a real socket.</summary>
public sealed class CommunityDemoTests(BrowserLedger ledger) : IClassFixture<BrowserLedger>
{
    [Fact]
    public async Task TheDemoFillsTheCommunityAndPrintsItsPublicPage()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var code = await CliApp.RunAsync(["demo", "community", "--api", ledger.BaseUrl, "--data-dir", ledger.Factory.DataDirectory], output, error);

        Assert.True(code == 0, error.ToString());
        var url = $"{ledger.BaseUrl}/community/demo-community-committee";
        Assert.Contains(url, output.ToString(), StringComparison.Ordinal);
        using var http = new HttpClient();
        var page = await http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Install a bicycle shelter at gate 2", html, StringComparison.Ordinal);
        Assert.Contains("Bicycle shelter at gate 2", html, StringComparison.Ordinal);
    }
}
