using System.CommandLine;
using Ledger.Cli.CommandLine;

namespace Ledger.Cli.Commands.Storage;

/// <summary>
/// <c>ledger backup --data-dir DIR --out FILE</c>: an online copy of the SQLite ledger, safe while the service runs
/// (SQLite's backup API). The master key is not in it: keep that apart (docs/deployment.md#backup-and-restore).
/// </summary>
internal sealed class BackupCommand : LedgerCommand
{
    private readonly RequiredOption<string> _dataDirectory = new(OperatorStore.DataDirOption, "dir", "/var/lib/ledger",
        "The service's data folder (its Storage:DataDirectory), which holds ledger.db.");

    private readonly RequiredOption<string> _out = new("--out", "file", "/backup/ledger-2026-11-30.db",
        "Where to write the copy; must not exist yet.");

    public BackupCommand() : base("backup",
        "Copy the SQLite ledger while the service runs (SQLite's online backup API); for PostgreSQL use pg_dump.")
    {
        Options.Add(_dataDirectory);
        Options.Add(_out);
    }

    protected override async Task<int> RunAsync(ParseResult result, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var source = Path.Combine(Path.GetFullPath(result.GetRequiredValue(_dataDirectory)), SqliteCopy.DatabaseFileName);
        var destination = Path.GetFullPath(result.GetRequiredValue(_out));
        if (!File.Exists(source))
        {
            throw new UsageException($"There is no ledger database at '{source}'; pass the service's data folder with {OperatorStore.DataDirOption}.");
        }
        if (File.Exists(destination))
        {
            throw new UsageException($"{destination} exists; a backup never overwrites a file. Choose another --out.");
        }
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        var copied = await SqliteCopy.CopyAsync(source, destination, ct);
        await output.WriteLineAsync(
            $"Backed up {copied.Records} records and {copied.Batches} batches ({copied.ConfirmedBatches} confirmed) to {destination}. "
            + "The master key is not in it: keep it apart, safely.");
        return CliApp.Valid;
    }
}
