using Ledger.Api.Access;
using Ledger.Cli;
using Ledger.Core.Protection;
using Ledger.Data.Protection;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Tests.Protection;

/// <summary>`ledger keys rotate-master` end to end: the CLI against a stopped service's store, then the service restarted.</summary>
public sealed class MasterKeyRotationTests
{
    [Fact]
    public async Task AfterRotationTheServiceReadsOldPayloadsWithTheNewKeyAndRefusesTheOldOne()
    {
        var before = new LedgerApiFactory();
        var dataDirectory = before.DataDirectory;
        try
        {
            var l2 = await Samples.SubmitAsync(before.ClientFor(Roles.CommunityWorker), SensitiveSamples.VolunteerService(SensitiveSamples.NewRef("V")));
            var l4 = await Samples.SubmitAsync(before.ClientFor(Roles.CorrectionOfficer), SensitiveSamples.CheckIn(SensitiveSamples.NewRef("CC")));
            var sealedBefore = await SealedEnvelopesAsync(before);
            var (dataKeys, issuerKeys) = await before.QueryAsync(async db => (await db.SubjectKeys.CountAsync(), await db.IssuerKeys.CountAsync()));
            await before.DisposeAsync();
            var newKeyFile = Path.Combine(dataDirectory, "master-2.key");

            var (code, output, error) = await RunCliAsync("keys", "rotate-master", "--data-dir", dataDirectory, "--new-key-file", newKeyFile);

            Assert.True(code == 0, error);
            using var newKey = MasterKeyFiles.Read(newKeyFile, "test");
            Assert.Contains($"Re-wrapped {dataKeys} data keys, {issuerKeys} issuer keys and the key check", output);
            Assert.Contains(newKey.Id, output);

            var after = new LedgerApiFactory(dataDirectory, new Dictionary<string, string?> { ["Protection:MasterKeyFile"] = newKeyFile });
            try
            {
                Assert.Equal(sealedBefore, await SealedEnvelopesAsync(after));
                Assert.All(await after.QueryAsync(db => db.SubjectKeys.Select(k => k.WrappedKey).ToListAsync()),
                    wrapped => Assert.Equal(newKey.Id, KeyWrapper.Inspect(wrapped).MasterKeyId));
                var read = await ReadRecord.OkAsync(after.ClientFor(Roles.CorrectionOfficer), l4.GetProperty("id").GetString()!);
                Assert.Equal(l4.GetProperty("salt").GetString(), read.GetProperty("envelope").GetProperty("salt").GetString());
                await ReadRecord.OkAsync(after.ClientFor(Roles.CommunityWorker), l2.GetProperty("id").GetString()!);
                await Samples.SubmitAsync(after.ClientFor(Roles.CommunityWorker), SensitiveSamples.VolunteerService(SensitiveSamples.NewRef("V")));
            }
            finally
            {
                await after.DisposeAsync();
            }

            // Without a configured key, embedded mode falls back to data/master.key: the old key, now refused.
            var message = await StartupFailure.MessageAsync(new LedgerApiFactory(dataDirectory));
            Assert.Contains($"wrapped under master key {newKey.Id}", message);
        }
        finally
        {
            before.DeleteData();
        }
    }

    [Fact]
    public async Task RotationIsRefusedWhileTheServiceIsRunning()
    {
        var factory = new LedgerApiFactory();
        try
        {
            await Samples.SubmitAsync(factory.ClientFor(Roles.CommunityWorker), SensitiveSamples.VolunteerService(SensitiveSamples.NewRef("V")));
            await WaitForLeaseAsync(factory);

            var (code, _, error) = await RunCliAsync("keys", "rotate-master", "--data-dir", factory.DataDirectory, "--new-key-file", Path.Combine(factory.DataDirectory, "master-2.key"));

            Assert.Equal(CliApp.Invalid, code);
            Assert.Contains("appears to be running", error);
        }
        finally
        {
            await factory.DisposeAsync();
            factory.DeleteData();
        }
    }

    [Fact]
    public async Task RotationFromAKeyThatIsNotTheCurrentOneChangesNothing()
    {
        var factory = new LedgerApiFactory();
        try
        {
            await Samples.SubmitAsync(factory.ClientFor(Roles.CommunityWorker), SensitiveSamples.VolunteerService(SensitiveSamples.NewRef("V")));
            await factory.DisposeAsync();
            var strangerFile = Path.Combine(factory.DataDirectory, "stranger.key");
            MasterKeyFiles.CreateNew(strangerFile).Dispose();
            var wrappedBefore = await WrappedKeysAsync(factory.DataDirectory);

            var (code, _, error) = await RunCliAsync("keys", "rotate-master", "--data-dir", factory.DataDirectory,
                "--key-file", strangerFile, "--new-key-file", Path.Combine(factory.DataDirectory, "master-2.key"));

            Assert.Equal(CliApp.Invalid, code);
            Assert.Contains("is not the key of this database", error);
            Assert.Equal(wrappedBefore, await WrappedKeysAsync(factory.DataDirectory));
        }
        finally
        {
            factory.DeleteData();
        }
    }

    private static async Task<(int Code, string Output, string Error)> RunCliAsync(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = await CliApp.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static async Task<List<string>> SealedEnvelopesAsync(LedgerApiFactory factory)
    {
        var sealedEnvelopes = await factory.QueryAsync(db => db.Records.Where(r => r.SealedEnvelope != null).OrderBy(r => r.Id).Select(r => r.SealedEnvelope!).ToListAsync());
        return [.. sealedEnvelopes.Select(Convert.ToBase64String)];
    }

    private static async Task<List<string>> WrappedKeysAsync(string dataDirectory)
    {
        var wrapped = await StoreOnDisk.QueryAsync(dataDirectory, db => db.SubjectKeys.OrderBy(k => k.Id).Select(k => k.WrappedKey).ToListAsync());
        return [.. wrapped.Select(Convert.ToBase64String)];
    }

    private static async Task WaitForLeaseAsync(LedgerApiFactory factory)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await factory.QueryAsync(db => db.Leases.AnyAsync()))
        {
            Assert.True(DateTime.UtcNow < deadline, "The anchoring worker never took its lease.");
            await Task.Delay(50);
        }
    }
}
