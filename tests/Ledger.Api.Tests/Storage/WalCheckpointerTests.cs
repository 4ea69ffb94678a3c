using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Tests.Storage;

/// <summary>
/// On SQLite the service's connections leave checkpoints of the write-ahead log to a background checkpointer
/// (WalCheckpointer) instead of running one inside whichever commit crosses SQLite's threshold; with
/// Storage:CheckpointInterval 0 they keep SQLite's own.
/// </summary>
public sealed class WalCheckpointerTests
{
    [Fact]
    public async Task TheCheckpointerCopiesTheLogIntoTheDatabaseWhileNoCommitDoes()
    {
        await using var factory = new LedgerApiFactory(settings: new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:CheckpointInterval"] = "00:00:00.050",
        });
        var client = factory.ClientFor("inspector");
        Assert.Equal(0L, await factory.QueryAsync(AutoCheckpointPages));
        var database = new FileInfo(Path.Combine(factory.DataDirectory, "ledger.db"));
        var before = database.Length;

        for (var i = 0; i < 40; i++)
        {
            await Samples.SubmitAsync(client, Samples.Inspection($"L-CKPT-{i}"));
        }

        // Only a checkpoint grows the database file itself: every commit went to the log, and no commit checkpoints.
        for (var attempt = 0; attempt < 300 && Refreshed(database).Length <= before; attempt++)
        {
            await Task.Delay(100);
        }
        Assert.True(database.Length > before, $"The database file stayed at {before} bytes: nothing copied the log into it.");
        Assert.Equal(40, await factory.QueryAsync(db => db.Records.CountAsync(r => r.Type == "inspection")));
    }

    [Fact]
    public async Task WithoutTheCheckpointerTheConnectionsKeepSqlitesAutomaticCheckpoints()
    {
        await using var factory = new LedgerApiFactory(settings: new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:CheckpointInterval"] = "00:00:00",
        });
        factory.CreateClient();

        Assert.Equal(1000L, await factory.QueryAsync(AutoCheckpointPages));
    }

    // The pragma as the service's own pooled connections have it set.
    private static async Task<long> AutoCheckpointPages(Data.LedgerDbContext db)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA wal_autocheckpoint";
            return (long)(await command.ExecuteScalarAsync())!;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static FileInfo Refreshed(FileInfo file)
    {
        file.Refresh();
        return file;
    }
}
