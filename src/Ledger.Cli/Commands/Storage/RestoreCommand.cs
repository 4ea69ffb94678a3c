using System.CommandLine;
using System.Globalization;
using Ledger.Cli.CommandLine;

namespace Ledger.Cli.Commands.Storage;

/// <summary>
/// <c>ledger restore --from FILE --data-dir DIR</c>, with the service stopped: checks the backup, moves the current
/// database aside (never deletes it) and puts the copy in its place. On the next start the service migrates it, finds on
/// chain whatever it anchored after the backup was taken, and anchors what was still waiting.
/// </summary>
internal sealed class RestoreCommand : LedgerCommand
{
    private readonly RequiredOption<string> _from = new("--from", "file", "/backup/ledger-2026-11-30.db",
        "A file written by `ledger backup`.");

    private readonly RequiredOption<string> _dataDirectory = new(OperatorStore.DataDirOption, "dir", "/var/lib/ledger",
        "The service's data folder (its Storage:DataDirectory). Stop the service first.");

    public RestoreCommand() : base("restore",
        "Put a backup in place of the SQLite ledger (the service stopped); the current database is kept beside it.")
    {
        Options.Add(_from);
        Options.Add(_dataDirectory);
    }

    protected override async Task<int> RunAsync(ParseResult result, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var backup = Path.GetFullPath(result.GetRequiredValue(_from));
        if (!File.Exists(backup))
        {
            throw new UsageException($"There is no backup at '{backup}'.");
        }
        await SqliteCopy.CheckAsync(backup, ct);
        var folder = Path.GetFullPath(result.GetRequiredValue(_dataDirectory));
        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, SqliteCopy.DatabaseFileName);
        string? keptAs = null;
        if (File.Exists(target) && await SqliteCopy.LeaseHolderAsync(target, ct) is { } holder)
        {
            await error.WriteLineAsync(
                $"refused: the service appears to be running ({holder} holds the anchoring lease). Stop every instance first, "
                + "or wait for the lease of one that crashed to expire.");
            return CliApp.Invalid;
        }
        if (File.Exists(target))
        {
            // The file and its write-ahead log move together: the log may hold commits not yet in the file.
            keptAs = $"{target}.before-restore-{DateTimeOffset.UtcNow.ToString("yyyyMMddTHHmmssZ", CultureInfo.InvariantCulture)}";
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                if (File.Exists(target + suffix))
                {
                    File.Move(target + suffix, keptAs + suffix);
                }
            }
        }
        var restored = await SqliteCopy.CopyAsync(backup, target, ct);
        // The copy names the instance that held the lease when it was taken; it is gone, so nobody need wait for it.
        await SqliteCopy.ClearLeasesAsync(target, ct);
        await output.WriteLineAsync(
            $"Restored {restored.Records} records and {restored.Batches} batches ({restored.ConfirmedBatches} confirmed) into {target}"
            + (keptAs is null ? "." : $"; the previous database is kept as {keptAs}.")
            + " Start the service with the same master key and chain: it resumes anchoring from there.");
        return CliApp.Valid;
    }
}
