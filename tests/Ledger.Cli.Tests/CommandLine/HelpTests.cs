using System.CommandLine;
using System.CommandLine.Help;
using System.Text.RegularExpressions;
using CliRun = Ledger.Cli.Tests.Verification.CliRun;

namespace Ledger.Cli.Tests.CommandLine;

/// <summary>`--help` and `-h` on every command: its usage, arguments, options and what each means.</summary>
public sealed partial class HelpTests
{
    public static TheoryData<string> EveryCommand => [.. Paths(CliApp.CreateCommandLine(), [])];

    [Theory]
    [MemberData(nameof(EveryCommand))]
    public async Task HelpShowsTheCommandsUsageArgumentsAndOptionsWithTheirDescriptions(string path)
    {
        var command = Find(path);

        var run = await CliRun.RunAsync([.. Words(path), "--help"]);

        Assert.True(run.Code == 0, run.ToString());
        Assert.Empty(run.Error);
        var help = Flat(run.Output);
        Assert.Contains("Usage: " + string.Join(' ', ["ledger", .. Words(path)]), help);
        Assert.Contains(Flat(command.Description!), help);
        Assert.All(command.Arguments, a => Assert.Contains($"<{a.Name}> {Flat(a.Description!)}", help));
        Assert.All(command.Options.Where(o => o is not HelpOption), o =>
        {
            Assert.Contains(o.Name, help);
            Assert.Contains(Flat(o.Description!), help);
        });
        Assert.All(command.Subcommands, c => Assert.Contains($"{c.Name}", help));
    }

    [Theory]
    [MemberData(nameof(EveryCommand))]
    public async Task DashHIsTheSameAsHelp(string path)
    {
        var help = await CliRun.RunAsync([.. Words(path), "--help"]);
        var h = await CliRun.RunAsync([.. Words(path), "-h"]);

        Assert.Equal(help, h);
    }

    [Fact]
    public async Task TheRootHelpListsEveryCommandWithItsOptions()
    {
        var help = (await CliRun.RunAsync(["--help"])).Output;

        Assert.Contains("ledger verify <proof.json> --rpc <url> [--contract <address>] [--allow-unsigned]", help);
        Assert.Contains("ledger keys create --data-dir <dir> --org <id> --role <role> [--expires-in <90d>] [--label <text>] [--staff <id>]", help);
        Assert.All(Leaves(CliApp.CreateCommandLine(), []), path => Assert.Contains($"  ledger {path}", help));
    }

    [Fact]
    public async Task HelpWinsOverOtherwiseWrongArguments()
    {
        var run = await CliRun.RunAsync(["verify", "--bogus", "--help"]);

        Assert.Equal(0, run.Code);
        Assert.Contains("--allow-unsigned", run.Output);
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task HelpAsAWordShowsTheNamedCommandsHelp()
    {
        var word = await CliRun.RunAsync(["help", "keys", "revoke"]);
        var option = await CliRun.RunAsync(["keys", "revoke", "--help"]);

        Assert.Equal(option, word);
    }

    [Fact]
    public async Task LedgerAloneShowsTheHelpAsAUsageError()
    {
        var run = await CliRun.RunAsync([]);

        Assert.Equal(CliApp.Usage, run.Code);
        Assert.Contains("Every command:", run.Output);
        Assert.Contains("Exit codes:", run.Output);
    }

    [Fact]
    public async Task VerifysHelpSaysWhatIsCheckedAndGivesTheExitCodes()
    {
        var help = Flat((await CliRun.RunAsync(["verify", "--help"])).Output);

        Assert.Contains("the contract's issuer registry had that key for the stated organisation", help);
        Assert.Contains("5 issuer not proven", help);
    }

    private static IEnumerable<string> Paths(Command command, string[] above)
    {
        yield return string.Join(' ', above);
        foreach (var sub in command.Subcommands)
        {
            foreach (var path in Paths(sub, [.. above, sub.Name]))
            {
                yield return path;
            }
        }
    }

    private static IEnumerable<string> Leaves(Command command, string[] above) =>
        command.Subcommands.Count == 0 ? [string.Join(' ', above)] : command.Subcommands.SelectMany(c => Leaves(c, [.. above, c.Name]));

    private static Command Find(string path) =>
        Words(path).Aggregate(CliApp.CreateCommandLine(), (command, name) => command.Subcommands.Single(c => c.Name == name));

    private static string[] Words(string path) => path.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    // Help wraps and aligns columns to the terminal; compare the words, not the layout.
    private static string Flat(string text) => Whitespace().Replace(text, " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
