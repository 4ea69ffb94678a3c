using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Ledger.Cli.CommandLine;

/// <summary>
/// <c>--help</c> on any command: System.CommandLine's description, usage, arguments and options, followed by what the
/// command adds (<see cref="LedgerCommand.HelpEpilogue"/>; for <c>ledger</c> itself, every command and the exit codes).
/// </summary>
/// <param name="rootEpilogue">What <c>ledger --help</c> adds after the list of commands.</param>
internal sealed class LedgerHelpAction(Func<Command, string> rootEpilogue) : SynchronousCommandLineAction
{
    /// <inheritdoc />
    public override bool ClearsParseErrors => true;

    /// <inheritdoc />
    public override int Invoke(ParseResult parseResult)
    {
        new HelpAction().Invoke(parseResult);
        var command = parseResult.CommandResult;
        var epilogue = command.Parent is null ? rootEpilogue(command.Command) : (command.Command as LedgerCommand)?.HelpEpilogue;
        if (epilogue is not null)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(epilogue);
        }
        return 0;
    }
}
