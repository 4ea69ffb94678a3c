using System.CommandLine;
using Ledger.Cli.CommandLine;
using Ledger.Cli.Commands.Keys;
using Ledger.Data.Projections;
using Ledger.Data.Protection;

namespace Ledger.Cli.Commands.Projections;

/// <summary>
/// <c>ledger projections rebuild</c>: drops every projection row (time-bank balances…) and replays the stored,
/// non-erased records through their types' projections in commit order — after a projection's code changed, or to
/// check that the live rows are what the records say. One transaction; a running service's writes wait for it.
/// </summary>
internal sealed class ProjectionsRebuildCommand : OperatorCommand
{
    private readonly Option<string?> _keyFile = Symbols.Optional(RotateMasterCommand.KeyFileOption, "key file",
        $"The master key, if not in {MasterKeyFiles.EnvironmentVariable} or <dir>/{MasterKeyFiles.EmbeddedFileName}; it opens L2+ payloads.");

    public ProjectionsRebuildCommand() : base("rebuild",
        "Rebuild every projection from the stored records (L2+ payloads are opened with the master key). Best run with the "
        + "service stopped: it is one transaction, and a running service's writes wait for it.")
    {
        Options.Add(_keyFile);
    }

    protected override async Task<int> RunAsync(ParseResult result, string dataDirectory, TextWriter output, TextWriter error, CancellationToken ct)
    {
        using var master = RotateMasterCommand.CurrentKey(result.GetValue(_keyFile), dataDirectory);
        await using var store = await OperatorStore.OpenAsync(dataDirectory, error);
        try
        {
            // Refuses a key that is not this store's before anything is deleted.
            var (check, _) = await KeyCheck.ReadAsync(store.Db, ct);
            if (check is not null)
            {
                KeyCheck.Open(check, master).Dispose();
            }
            var rebuild = new ProjectionRebuild(store.Db, master)
            {
                Progress = (done, total) => output.WriteLine($"Replayed {done} of {total} records."),
            };
            var (deleted, replayed, rows) = await rebuild.RunAsync(ct);
            await output.WriteLineAsync($"Rebuilt the projections: deleted {deleted} rows, replayed {replayed} records in commit order, {rows} rows now.");
            return CliApp.Valid;
        }
        catch (InvalidOperationException e)
        {
            await error.WriteLineAsync($"refused: {e.Message}");
            return CliApp.Invalid;
        }
    }
}
