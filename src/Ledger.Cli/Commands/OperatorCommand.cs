using System.CommandLine;
using Ledger.Cli.CommandLine;
using Ledger.Data.Organisations;

namespace Ledger.Cli.Commands;

/// <summary>
/// A command an operator runs on the service's host against its data folder (<c>--data-dir</c>). A registry's refusal
/// (an unknown organisation, a role that does not fit) is one line <c>error: …</c> and exit 1.
/// </summary>
internal abstract class OperatorCommand : LedgerCommand
{
    private readonly RequiredOption<string> _dataDirectory = new(OperatorStore.DataDirOption, "dir", "/var/lib/ledger",
        "The service's data folder (its Storage:DataDirectory).");

    protected OperatorCommand(string name, string description) : base(name, description)
    {
        Options.Add(_dataDirectory);
    }

    protected sealed override async Task<int> RunAsync(ParseResult result, TextWriter output, TextWriter error, CancellationToken ct)
    {
        try
        {
            return await RunAsync(result, result.GetRequiredValue(_dataDirectory), output, error, ct);
        }
        catch (RegistryException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return CliApp.Invalid;
        }
    }

    /// <summary>Does the command's work on the store in <paramref name="dataDirectory"/>; returns the exit code.</summary>
    protected abstract Task<int> RunAsync(ParseResult result, string dataDirectory, TextWriter output, TextWriter error, CancellationToken ct);
}
