using Ledger.Api.Access;
using Ledger.Core.Protection;
using Ledger.Data.Protection;

namespace Ledger.Api.Tests.Protection;

/// <summary>The service starts only with the master key its data belongs to, and says clearly what is wrong otherwise.</summary>
public sealed class MasterKeyStartupTests
{
    // Settings of an external chain that is never contacted: start-up stops at the master key, before the chain.
    private static Dictionary<string, string?> ExternalChain(string? masterKeyFile) => new()
    {
        ["Chain:RpcUrl"] = "http://127.0.0.1:9/",
        ["Chain:ChainId"] = "4242",
        ["Chain:ContractAddress"] = "0x5FbDB2315678afecb367f032d93F642f64180aa3",
        ["Chain:PrivateKey"] = "0x" + new string('1', 64),
        ["Protection:MasterKeyFile"] = masterKeyFile ?? "",
    };

    [Fact]
    public async Task EmbeddedModeCreatesAMasterKeyFileOnlyItsOwnerCanRead()
    {
        var factory = new LedgerApiFactory();
        try
        {
            await factory.ChainAsync();

            var file = Path.Combine(factory.DataDirectory, MasterKeyFiles.EmbeddedFileName);
            Assert.True(File.Exists(file));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }
            using var key = MasterKey.Parse(await File.ReadAllTextAsync(file));
        }
        finally
        {
            await factory.DisposeAsync();
            factory.DeleteData();
        }
    }

    [Fact]
    public async Task OnAnExternalChainTheServiceRefusesToStartWithoutAMasterKeyAndSaysWhatToSet()
    {
        var factory = new LedgerApiFactory(settings: ExternalChain(masterKeyFile: null));

        var message = await StartupFailure.MessageAsync(factory);
        factory.DeleteData();

        Assert.Contains("No master key is configured", message);
        Assert.Contains("Protection:MasterKeyFile", message);
        Assert.Contains("LEDGER_MASTER_KEY", message);
    }

    [Fact]
    public async Task AWrongMasterKeyStopsStartUpNamingBothKeyIdsButNeverTheKey()
    {
        var first = new LedgerApiFactory();
        await Samples.SubmitAsync(first.ClientFor(Roles.CommunityWorker), SensitiveSamples.VolunteerService(SensitiveSamples.NewRef("V")));
        await first.DisposeAsync();
        using var right = MasterKeyFiles.Read(Path.Combine(first.DataDirectory, MasterKeyFiles.EmbeddedFileName), "test");
        var wrongFile = Path.Combine(first.DataDirectory, "wrong.key");
        using var wrong = MasterKeyFiles.CreateNew(wrongFile);

        var message = await StartupFailure.MessageAsync(new LedgerApiFactory(first.DataDirectory, new Dictionary<string, string?> { ["Protection:MasterKeyFile"] = wrongFile }));
        first.DeleteData();

        Assert.Contains($"The configured master key (id {wrong.Id}) is not the key of this database", message);
        Assert.Contains(right.Id, message);
        Assert.DoesNotContain(wrong.ExportHex()[2..], message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(right.ExportHex()[2..], message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AMasterKeyFileThatHoldsNoKeyStopsStartUpWithoutEchoingIt()
    {
        var directory = Directory.CreateTempSubdirectory("ledger-key-").FullName;
        var file = Path.Combine(directory, "master.key");
        const string NotAKey = "0x0123456789abcdef-not-quite-a-key";
        await File.WriteAllTextAsync(file, NotAKey);
        var factory = new LedgerApiFactory(settings: new Dictionary<string, string?> { ["Protection:MasterKeyFile"] = file });

        var message = await StartupFailure.MessageAsync(factory);
        factory.DeleteData();
        Directory.Delete(directory, recursive: true);

        Assert.Contains("does not hold a master key", message);
        Assert.DoesNotContain(NotAKey, message);
    }

    [Fact]
    public async Task TheMasterKeyCanComeFromTheEnvironment()
    {
        using var key = MasterKey.Generate();
        var factory = new LedgerApiFactory(settings: new Dictionary<string, string?> { [MasterKeyFiles.EnvironmentVariable] = key.ExportHex() });
        try
        {
            var accepted = await Samples.SubmitAsync(factory.ClientFor(Roles.CommunityWorker), SensitiveSamples.VolunteerService(SensitiveSamples.NewRef("V")));

            await ReadRecord.OkAsync(factory.ClientFor(Roles.CommunityWorker), accepted.GetProperty("id").GetString()!);
            Assert.False(File.Exists(Path.Combine(factory.DataDirectory, MasterKeyFiles.EmbeddedFileName)));
        }
        finally
        {
            await factory.DisposeAsync();
            factory.DeleteData();
        }
    }
}
