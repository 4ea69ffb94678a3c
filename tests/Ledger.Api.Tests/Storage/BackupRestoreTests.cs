using System.Net;
using Ledger.Api.Tests.Chain;
using Ledger.Api.Tests.Issuers;
using Ledger.Cli;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Tests.Storage;

/// <summary>
/// `ledger backup` copies the SQLite ledger while the service runs; `ledger restore` puts the copy back. The restored
/// service still proves its records against the chain, finds on chain what was anchored after the copy instead of
/// anchoring it again, and anchors new records.
/// </summary>
public sealed class BackupRestoreTests
{
    [Fact]
    public async Task ARestoredStoreStillVerifiesAgainstTheChainAndAnchoringResumes()
    {
        await using var chain = await ExternalChain.StartAsync();
        var dataDirectory = Path.Combine(Path.GetTempPath(), "ledger-backup-" + Guid.NewGuid().ToString("N"));
        var backup = Path.Combine(Path.GetTempPath(), "ledger-backup-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            var before = new List<string>();
            string after;
            var running = new LedgerApiFactory(dataDirectory, chain.Settings());
            await using (running)
            {
                var client = await ExternalChain.InspectorClientAsync(running);
                for (var i = 0; i < 3; i++)
                {
                    before.Add(await SubmitAsync(client, $"L-before-{i}"));
                }
                await running.WaitForStatusAsync(before[^1], "confirmed");
                // Two more that may still be waiting, or in flight, when the copy is taken.
                before.Add(await SubmitAsync(client, "L-before-3"));
                before.Add(await SubmitAsync(client, "L-before-4"));

                var (code, output) = await RunAsync("backup", "--data-dir", dataDirectory, "--out", backup);
                Assert.True(code == CliApp.Valid, output);
                Assert.Contains("The master key is not in it", output);

                after = await SubmitAsync(client, "L-after-backup");
                foreach (var hash in before.Append(after))
                {
                    await running.WaitForStatusAsync(hash, "confirmed");
                }
            }
            SqliteConnection.ClearAllPools();

            var (restoredCode, restoredOutput) = await RunAsync("restore", "--from", backup, "--data-dir", dataDirectory);
            Assert.True(restoredCode == CliApp.Valid, restoredOutput);
            Assert.Contains("the previous database is kept as", restoredOutput);

            var restored = new LedgerApiFactory(dataDirectory, chain.Settings());
            await using (restored)
            {
                foreach (var hash in before)
                {
                    var bundle = await restored.WaitForStatusAsync(hash, "confirmed");
                    var (verified, said) = await LedgerVerify.RunAsync(restored, bundle);
                    Assert.True(verified == CliApp.Valid, said);
                }
                // A record accepted after the copy is not in it: a restore goes back to the moment of the backup.
                Assert.Equal(HttpStatusCode.NotFound, (await restored.CreateClient().GetAsync($"/api/v1/proofs/{after}")).StatusCode);

                var client = await ExternalChain.InspectorClientAsync(restored);
                var fresh = await SubmitAsync(client, "L-after-restore");
                var freshBundle = await restored.WaitForStatusAsync(fresh, "confirmed");
                Assert.Equal(CliApp.Valid, (await LedgerVerify.RunAsync(restored, freshBundle)).Code);

                // Nothing anchored twice: every batch the restored store knows is on chain exactly once.
                var roots = await restored.QueryAsync(db => db.Batches.AsNoTracking().Select(b => b.Root).ToListAsync());
                var counts = await chain.AnchorCountsAsync();
                Assert.All(roots, root => Assert.Equal(1, counts[root.ToLowerInvariant()]));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(backup);
            if (Directory.Exists(dataDirectory))
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
        }
    }

    [Fact]
    public Task ABackupNeverOverwritesAFileAndARestoreRefusesWhatIsNotALedger() => WithDataFolderAsync(async (folder, data) =>
    {
        var database = await File.ReadAllBytesAsync(Path.Combine(data, "ledger.db"));
        var existing = Path.Combine(folder, "existing.db");
        await File.WriteAllTextAsync(existing, "keep me");
        var garbage = Path.Combine(folder, "garbage.db");
        await File.WriteAllTextAsync(garbage, "this is not a SQLite database, only text that is long enough to look like a header");

        var (backupCode, backupOutput) = await RunAsync("backup", "--data-dir", data, "--out", existing);
        var (restoreCode, restoreOutput) = await RunAsync("restore", "--from", garbage, "--data-dir", data);

        Assert.Equal(CliApp.Usage, backupCode);
        Assert.Contains("never overwrites", backupOutput);
        Assert.Equal("keep me", await File.ReadAllTextAsync(existing));
        Assert.Equal(CliApp.Usage, restoreCode);
        Assert.Contains("is not a ledger database", restoreOutput);
        Assert.Equal(database, await File.ReadAllBytesAsync(Path.Combine(data, "ledger.db")));
    });

    [Fact]
    public Task ARestoreIsRefusedWhileAnInstanceHoldsTheAnchoringLease() => WithDataFolderAsync(async (folder, data) =>
    {
        var backup = Path.Combine(folder, "backup.db");
        Assert.Equal(CliApp.Valid, (await RunAsync("backup", "--data-dir", data, "--out", backup)).Code);
        await using (var db = new SqliteConnection($"Data Source={Path.Combine(data, "ledger.db")};Pooling=False"))
        {
            await db.OpenAsync();
            using var command = db.CreateCommand();
            command.CommandText = "INSERT INTO leases (name, holder, expires_at_ms, acquired_at_ms) VALUES ('anchoring', 'host-a-42', $until, $now)";
            command.Parameters.AddWithValue("$until", DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            await command.ExecuteNonQueryAsync();
        }
        var database = await File.ReadAllBytesAsync(Path.Combine(data, "ledger.db"));

        var (code, output) = await RunAsync("restore", "--from", backup, "--data-dir", data);

        Assert.Equal(CliApp.Invalid, code);
        Assert.Contains("appears to be running (host-a-42 holds the anchoring lease)", output);
        Assert.Equal(database, await File.ReadAllBytesAsync(Path.Combine(data, "ledger.db")));
        Assert.Empty(Directory.GetFiles(data, "*before-restore*"));
    });

    // A temporary folder with a data folder holding a fresh ledger database (created by an operator command), removed after.
    private static async Task WithDataFolderAsync(Func<string, string, Task> test)
    {
        var folder = Directory.CreateTempSubdirectory("ledger-backup-cli-").FullName;
        try
        {
            var data = Path.Combine(folder, "data");
            Directory.CreateDirectory(data);
            Assert.Equal(CliApp.Valid, (await RunAsync("keys", "list", "--data-dir", data)).Code);
            await test(folder, data);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<string> SubmitAsync(HttpClient client, string lot) =>
        (await Samples.SubmitAsync(client, Samples.Inspection(lot))).GetProperty("recordHash").GetString()!;

    private static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = await CliApp.RunAsync(args, output, error);
        return (code, (output.ToString() + error.ToString()).Trim());
    }
}
