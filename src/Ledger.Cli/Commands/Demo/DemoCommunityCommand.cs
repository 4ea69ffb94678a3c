using System.CommandLine;
using System.CommandLine.Parsing;
using Ledger.Cli.CommandLine;
using Ledger.Data.Access;

namespace Ledger.Cli.Commands.Demo;

/// <summary>
/// <c>ledger demo community --api URL --data-dir DIR</c>: fills a running (embedded, demo) instance with a year of a
/// community's fund entries, confirmed volunteer hours, redemptions and transfers, and two proposals with votes, then
/// prints the community's public page. Its staff keys are issued in the data folder, so it needs the service's host.
/// </summary>
internal sealed class DemoCommunityCommand : OperatorCommand
{
    private readonly RequiredOption<Uri> _api = new("--api", "url", "http://127.0.0.1:5080", "The running service's base URL.")
    {
        CustomParser = ServiceUrl,
    };

    private readonly Option<string> _community = new("--community")
    {
        HelpName = "id",
        Description = "The community organisation to fill; the embedded instance's demo committee if left out.",
        DefaultValueFactory = _ => "demo-community-committee",
    };

    private readonly Option<string> _neighbour = new("--neighbour")
    {
        HelpName = "id",
        Description = "Another community that receives a transfer of hours.",
        DefaultValueFactory = _ => "demo-binjiang-community-committee",
    };

    public DemoCommunityCommand() : base("community",
        "Fill a running demo instance with a year of community fund entries, volunteer hours, transfers and two proposals with votes; print the public page's URL.")
    {
        Options.Add(_api);
        Options.Add(_community);
        Options.Add(_neighbour);
    }

    protected override async Task<int> RunAsync(ParseResult result, string dataDirectory, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var api = result.GetRequiredValue(_api);
        var community = result.GetRequiredValue(_community);
        var keys = new Dictionary<string, string>();
        await using (var store = await OperatorStore.OpenAsync(dataDirectory, error))
        {
            var registry = new KeyRegistry(store.Db, TimeProvider.System);
            foreach (var (name, role) in new[] { ("recorder", StaffRoles.CommunityWorker), ("confirmer", StaffRoles.CommunityWorker), ("approver", StaffRoles.CommunityWorker) })
            {
                keys[name] = (await registry.CreateAsync(community, role, $"demo community {name}", TimeSpan.FromDays(1), null, ct)).Text;
            }
        }
        var script = new CommunityDemoScript(api, community, result.GetRequiredValue(_neighbour), keys, output);
        try
        {
            await script.RunAsync(ct);
        }
        catch (HttpRequestException e)
        {
            await error.WriteLineAsync($"error: the service at {api} did not answer ({e.Message}).");
            return CliApp.Unavailable;
        }
        catch (DemoRefusedException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return CliApp.Invalid;
        }
        await output.WriteLineAsync();
        await output.WriteLineAsync($"The community's public page: {new Uri(api, $"/community/{Uri.EscapeDataString(community)}")}");
        return 0;
    }

    private static Uri? ServiceUrl(ArgumentResult result)
    {
        if (Uri.TryCreate(result.Tokens[0].Value, UriKind.Absolute, out var uri))
        {
            return uri;
        }
        result.AddError("--api must be the service's URL, e.g. --api http://127.0.0.1:5080.");
        return null;
    }
}

/// <summary>The service refused a step of the demo; its problem's title and detail.</summary>
internal sealed class DemoRefusedException(string message) : Exception(message);
