using CliRun = Ledger.Cli.Tests.Verification.CliRun;

namespace Ledger.Cli.Tests.CommandLine;

/// <summary>A command line that does not parse ends with exit 2, one line `error: …` and a pointer to the right help.</summary>
public sealed class UsageErrorTests
{
    [Theory]
    [InlineData("frob", "Unknown command 'frob'; use verify, verify-package, hash, status, import, orgs, keys, chain, demo, projections, backup or restore.", "ledger")]
    [InlineData("--frob", "Unknown command '--frob'; use verify, verify-package, hash, status, import, orgs, keys, chain, demo, projections, backup or restore.", "ledger")]
    [InlineData("keys frob", "Unknown keys command 'frob'; use create, list, revoke, rotate-master, new-keystore or show-keystore.", "ledger keys")]
    [InlineData("orgs", "orgs needs a command: create, list or rotate-key.", "ledger orgs")]
    [InlineData("hash record.json --color", "hash does not take --color; it takes no options.", "ledger hash")]
    [InlineData("verify --color proof.json --rpc http://127.0.0.1:1", "verify does not take --color; it takes --rpc, --contract, --allow-unsigned.", "ledger verify")]
    [InlineData("keys list --data-dir data --verbose", "keys list does not take --verbose; it takes --data-dir.", "ledger keys list")]
    [InlineData("hash a.json b.json", "Unexpected argument 'b.json'.", "ledger hash")]
    [InlineData("hash", "hash needs <record.json>: A record envelope with its salt", "ledger hash")]
    [InlineData("verify proof.json", "--rpc is required, e.g. --rpc http://127.0.0.1:8545.", "ledger verify")]
    [InlineData("verify proof.json --rpc", "--rpc needs a value.", "ledger verify")]
    [InlineData("verify proof.json --rpc ftp://127.0.0.1:1", "--rpc must be an http(s) URL.", "ledger verify")]
    [InlineData("verify proof.json --rpc http://127.0.0.1:1 --rpc http://127.0.0.1:2", "--rpc is given twice.", "ledger verify")]
    [InlineData("verify proof.json --rpc http://127.0.0.1:1 --contract 0x5fbdb", "--contract: ", "ledger verify")]
    [InlineData("verify proof.json --rpc http://127.0.0.1:1 --allow-unsigned --allow-unsigned", "--allow-unsigned is given twice.", "ledger verify")]
    [InlineData("status", "--api is required, e.g. --api http://127.0.0.1:5080.", "ledger status")]
    [InlineData("orgs create --data-dir data --id cn-330106-audit", "--name is required, e.g. --name \"Xihu District Market Supervision Bureau\".", "ledger orgs create")]
    [InlineData("keys create --data-dir data --org o --role inspector --expires-in 5y", "--expires-in takes a number and a unit", "ledger keys create")]
    [InlineData("keys revoke --data-dir data", "keys revoke needs <key-id>: ", "ledger keys revoke")]
    [InlineData("keys revoke --data-dir data --all", "keys revoke does not take --all; it takes --data-dir.", "ledger keys revoke")]
    [InlineData("keys rotate-master --data-dir data", "--new-key-file is required, e.g. --new-key-file ", "ledger keys rotate-master")]
    public async Task AParseErrorIsExitTwoWithOneErrorLineAndAPointerToTheCommandsHelp(string commandLine, string message, string command)
    {
        var run = await CliRun.RunAsync(commandLine.Split(' '));

        Assert.True(run.Code == CliApp.Usage, run.ToString());
        Assert.Empty(run.Output);
        var lines = run.Error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("error: " + message, lines[0]);
        Assert.Equal($"Run `{command} --help` for usage.", lines[1]);
    }

    [Fact]
    public async Task AnArgumentStartingWithAtIsAFileNameNotAResponseFile()
    {
        var run = await CliRun.RunAsync(["hash", "@no-such-record.json"]);

        Assert.Equal(CliApp.Usage, run.Code);
        Assert.StartsWith("error: No file at '@no-such-record.json'.", run.Error);
    }

    [Fact]
    public async Task AnUnforeseenFailureIsOneLineWithoutAStackTrace()
    {
        var data = Directory.CreateTempSubdirectory("ledger-cli-broken-").FullName;
        try
        {
            // A folder where the database file should be: SQLite cannot open it, which no command expects.
            Directory.CreateDirectory(Path.Combine(data, "ledger.db"));

            var run = await CliRun.RunAsync(["keys", "list", "--data-dir", data]);

            Assert.True(run.Code == CliApp.Invalid, run.ToString());
            // (The store's "note: … creating one" may come first.)
            Assert.StartsWith("error: ", Assert.Single(run.Error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries), l => !l.StartsWith("note: ", StringComparison.Ordinal)));
            Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
