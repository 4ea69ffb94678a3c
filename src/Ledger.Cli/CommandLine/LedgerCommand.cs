using System.CommandLine;

namespace Ledger.Cli.CommandLine;

/// <summary>
/// A <c>ledger</c> command that does something. A subclass declares its arguments and options in its constructor (they
/// make its help and are parsed for it) and does its work in <see cref="RunAsync"/>; adding a command is one such
/// class and one line in <see cref="CliApp"/>'s command tree.
/// </summary>
internal abstract class LedgerCommand : Command
{
    protected LedgerCommand(string name, string description) : base(name, description)
    {
        SetAction(async (result, ct) =>
        {
            var (output, error) = (result.InvocationConfiguration.Output, result.InvocationConfiguration.Error);
            try
            {
                return await RunAsync(result, output, error, ct);
            }
            catch (UsageException e)
            {
                return await UsageErrors.ReportAsync(error, e.Message, result.CommandResult);
            }
        });
    }

    /// <summary>Text printed after the command's options in its <c>--help</c>, or null for none.</summary>
    public virtual string? HelpEpilogue => null;

    /// <summary>Does the command's work with the parsed <paramref name="result"/>; returns the exit code.</summary>
    /// <exception cref="UsageException">The command cannot run as called; reported as a usage error (exit 2).</exception>
    protected abstract Task<int> RunAsync(ParseResult result, TextWriter output, TextWriter error, CancellationToken ct);
}
