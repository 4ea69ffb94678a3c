using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using Ledger.Cli.CommandLine;
using Ledger.Cli.Commands;
using Ledger.Cli.Commands.Chain;
using Ledger.Cli.Commands.Demo;
using Ledger.Cli.Commands.Keys;
using Ledger.Cli.Commands.Orgs;
using Ledger.Cli.Commands.Projections;
using Ledger.Cli.Commands.Storage;

namespace Ledger.Cli;

/// <summary>The <c>ledger</c> command line: its command tree, its exit codes and the one way it runs.</summary>
public static class CliApp
{
    // The exit codes are a contract with scripts that call `ledger verify`: keep them stable, and keep them in step with
    // ExitCodeTable (the help) and docs/proof-format.md §7.

    /// <summary>Exit code for a valid proof (or a command that did its work).</summary>
    public const int Valid = 0;
    /// <summary>Exit code for a proof or input that does not check out: malformed, or not matching the chain.</summary>
    public const int Invalid = 1;
    /// <summary>Exit code for wrong usage.</summary>
    public const int Usage = 2;
    /// <summary>Exit code when the chain could not be asked (network, RPC error).</summary>
    public const int Unavailable = 3;
    /// <summary>Exit code for a proof of a record that is not anchored yet: fetch the proof again later.</summary>
    public const int NotAnchored = 4;
    /// <summary>Exit code for a proof whose anchor checks out but whose issuer is not proven (no signature without --allow-unsigned).</summary>
    public const int IssuerNotProven = 5;

    /// <summary>The exit codes as <c>--help</c> explains them.</summary>
    internal static readonly string ExitCodeTable = $"""
        Exit codes:
          {Valid} valid: every check passed (or the command did its work)
          {Invalid} invalid: a malformed proof, one that does not match the chain (or a refused operator command)
          {Usage} usage error: an unknown command or option, a missing or malformed argument, or no such file
          {Unavailable} chain unavailable: the node could not be reached or gave no usable answer
          {NotAnchored} not anchored yet: the record is pending; fetch the proof again in a few seconds
          {IssuerNotProven} issuer not proven: no issuer signature (accept with --allow-unsigned), or a key not registered for the organisation
        """;

    private const string Description =
        "ledger — verify Ledger records and proofs independently of the Ledger service, and manage its identities.";

    private static readonly ParserConfiguration Parsing = new()
    {
        // An argument that starts with @ is a file name here (a proof, a record), never a file of more arguments.
        ResponseFileTokenReplacer = null,
    };

    /// <summary>Runs the command named by <paramref name="args"/>, writing to <paramref name="output"/> and <paramref name="error"/>.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var result = CreateCommandLine().Parse(args is ["help", .. var rest] ? [.. rest, "--help"] : args, Parsing);
        if (result.Action is ParseErrorAction)
        {
            return await UsageErrors.ReportAsync(error, UsageErrors.Describe(result), result.CommandResult);
        }
        try
        {
            return await result.InvokeAsync(new InvocationConfiguration
            {
                Output = output,
                Error = error,
                // Failures are reported here, in one line; Ctrl-C ends the process as it always did.
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            });
        }
        catch (Exception e)
        {
            // Each command reports the failures it expects; this is the last resort, so no stack trace reaches anyone.
            await error.WriteLineAsync($"error: {string.Join(' ', e.Message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))}");
            return Invalid;
        }
    }

    /// <summary>Every command. Adding one is a <see cref="LedgerCommand"/> subclass and one line here.</summary>
    internal static Command CreateCommandLine()
    {
        var root = new Command("ledger", Description)
        {
            new VerifyCommand(),
            new VerifyPackageCommand(),
            new HashCommand(),
            new StatusCommand(),
            new Commands.Import.ImportCommand(),
            new Command("orgs", "Operator commands for organisations, run on the service's host against its data folder.")
            {
                new OrgsCreateCommand(),
                new OrgsListCommand(),
                new OrgsRotateKeyCommand(),
            },
            new Command("keys", "Operator commands for API keys and the master key, run on the service's host against its data folder.")
            {
                new KeysCreateCommand(),
                new KeysListCommand(),
                new KeysRevokeCommand(),
                new RotateMasterCommand(),
                new KeysNewKeystoreCommand(),
                new KeysShowKeystoreCommand(),
            },
            new Command("chain", "Operator commands for the chain the service anchors on.")
            {
                new ChainDeployCommand(),
            },
            new Command("demo", "Fill a running embedded instance with example data, run on the service's host against its data folder.")
            {
                new DemoFoodCommand(),
                new DemoCommunityCommand(),
                new DemoCorrectionCommand(),
            },
            new Command("projections", "Operator commands for projections (state derived from records), run on the service's host against its data folder.")
            {
                new ProjectionsRebuildCommand(),
            },
            new BackupCommand(),
            new RestoreCommand(),
        };
        root.Options.Add(new HelpOption("--help", "-h") { Action = new LedgerHelpAction(RootEpilogue) });
        // `ledger` alone: show what it can do, but as the usage error it is.
        root.SetAction(result =>
        {
            new HelpAction().Invoke(result);
            result.InvocationConfiguration.Output.WriteLine(RootEpilogue(root));
            return Usage;
        });
        return root;
    }

    private static string RootEpilogue(Command root) =>
        "Every command:" + Environment.NewLine
        + string.Concat(Synopsis.Lines(root).Select(line => $"  {line}{Environment.NewLine}"))
        + $"{Environment.NewLine}Run `ledger <command> --help` for what a command does and its options.{Environment.NewLine}{Environment.NewLine}"
        + ExitCodeTable;
}
