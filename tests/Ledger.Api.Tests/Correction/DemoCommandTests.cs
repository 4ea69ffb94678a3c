using System.Text.Json;
using Ledger.Api.Tests.Hosting;
using Ledger.Cli;
using Ledger.Cli.Commands.Demo;
using Ledger.Core.Records.Types.CommunityCorrection;

namespace Ledger.Api.Tests.Correction;

/// <summary><c>ledger demo correction</c> against the service as users run it: a real process on embedded defaults.</summary>
public sealed class DemoCommandTests
{
    [Fact]
    public async Task TheDemoCreatesTheScenarioThatTheCorrectionOfficerKeyPrintedAtStartUpSeesAndWritesItsCheckedPackage()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("ledger-demo-").FullName;
        try
        {
            await using var service = await ServiceProcess.StartAsync(dataDirectory, TimeSpan.FromSeconds(90));
            var (output, error) = (new StringWriter(), new StringWriter());

            var code = await CliApp.RunAsync(["demo", "correction", "--api", service.BaseAddress.ToString(), "--data-dir", dataDirectory], output, error);

            Assert.True(code == 0, $"exit {code}\n{output}\n{error}");
            Assert.Contains("All 9 alerts are exactly the expected ones", output.ToString());
            // The evidence package of the 60 days, written to the data folder and checked against the embedded chain.
            var package = Assert.Single(Directory.GetFiles(dataDirectory, "evidence-*.zip"));
            Assert.Contains($"Evidence package written to {package}", output.ToString());
            Assert.Contains("valid: every file, record, proof, chain link and alert", output.ToString());
            Assert.Contains(": commits to this manifest; valid", output.ToString());
            // The day the demo started from, as it printed it (so a run across midnight reads the same days).
            var start = CorrectionCalendar.Parse(System.Text.RegularExpressions.Regex.Match(output.ToString(), @"from (\d{4}-\d{2}-\d{2})").Groups[1].Value);
            var asOf = CorrectionCalendar.Format(CorrectionScenario.AsOf(start));
            using var officer = new HttpClient { BaseAddress = service.BaseAddress };
            officer.DefaultRequestHeaders.Add("X-Api-Key", service.BannerValue("correction-officer"));
            officer.DefaultRequestHeaders.Add("X-Access-Purpose", "checking the demo");
            var alerts = JsonDocument.Parse(await officer.GetStringAsync($"/api/v1/correction/alerts?asOf={asOf}")).RootElement;
            Assert.Equal(CorrectionScenario.Alerts.Select(a => a.Kind), alerts.GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("kind").GetString()));
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task WithoutAnEmbeddedDataFolderTheDemoSaysWhatItNeeds()
    {
        var (output, error) = (new StringWriter(), new StringWriter());

        var code = await CliApp.RunAsync(["demo", "correction", "--api", "http://127.0.0.1:9", "--data-dir", Path.GetTempPath()], output, error);

        Assert.Equal(CliApp.Usage, code);
        Assert.Contains("embedded-keys.json", error.ToString());
    }
}
