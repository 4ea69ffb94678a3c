using System.Text.Json;
using Ledger.Chain.Embedded;
using Run = Ledger.Cli.Tests.Verification.CliRun;
using Ledger.Testing;

namespace Ledger.Cli.Tests.Commands;

/// <summary>`ledger keys new-keystore` writes keystores ethers opens; `ledger keys show-keystore` opens ethers' own.</summary>
public sealed class KeystoreCommandTests : IDisposable
{
    private const string Script = "tests/Ledger.Chain.Tests/js/ethers-vectors.mjs";
    private const string Passphrase = "correct horse battery staple";
    private readonly string _folder = Directory.CreateTempSubdirectory("ledger-keystores-").FullName;

    private string PassphraseFile(string text)
    {
        var path = Path.Combine(_folder, $"pass-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, text + "\n");
        return path;
    }

    [Fact]
    public async Task ANewKeystoreOpensInEthersToThePrintedAddressAndIsOwnerOnly()
    {
        var path = Path.Combine(_folder, "anchorer.keystore.json");

        var run = await Run.RunAsync(["keys", "new-keystore", "--out", path, "--passphrase-file", PassphraseFile(Passphrase)]);

        Assert.True(run.Code == 0, run.ToString());
        using var opened = JsonDocument.Parse(await NodeScript.RunAsync(Script, await File.ReadAllTextAsync(path), "keystore-open", Passphrase));
        Assert.Contains($"for {opened.RootElement.GetProperty("address").GetString()}.", run.Output);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
        Assert.DoesNotContain(Passphrase, run.Text);
    }

    [Fact]
    public async Task AKeystoreEthersWroteOpensAndShowsItsAddress()
    {
        var path = await EthersKeystoreAsync();

        var run = await Run.RunAsync(["keys", "show-keystore", path, "--passphrase-file", PassphraseFile(Passphrase)]);

        Assert.True(run.Code == 0, run.ToString());
        Assert.Equal($"{path} holds the key of {AnvilNode.DevKeys[1].Address}.", Assert.Single(run.Lines));
    }

    [Fact]
    public async Task AWrongPassphraseIsRefusedWithoutEchoingIt()
    {
        var path = await EthersKeystoreAsync();
        const string Wrong = "not the passphrase at all";

        var run = await Run.RunAsync(["keys", "show-keystore", path, "--passphrase-file", PassphraseFile(Wrong)]);

        Assert.Equal(CliApp.Invalid, run.Code);
        Assert.Equal($"invalid: the passphrase does not open {path}.", Assert.Single(run.Lines));
        Assert.DoesNotContain(Wrong, run.Text);
    }

    [Fact]
    public async Task ANewKeystoreIsNeverWrittenOverAnExistingFile()
    {
        var path = Path.Combine(_folder, "taken.json");
        await File.WriteAllTextAsync(path, "precious");

        var run = await Run.RunAsync(["keys", "new-keystore", "--out", path, "--passphrase-file", PassphraseFile(Passphrase)]);

        Assert.Equal(CliApp.Invalid, run.Code);
        Assert.Contains("is never written over another file", run.Error);
        Assert.Equal("precious", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task AShortPassphraseIsRefusedForANewKeystore()
    {
        var path = Path.Combine(_folder, "short.json");

        var run = await Run.RunAsync(["keys", "new-keystore", "--out", path, "--passphrase-file", PassphraseFile("hunter2")]);

        Assert.Equal(CliApp.Invalid, run.Code);
        Assert.Contains("use at least 12", run.Error);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task AMissingPassphraseFileIsAUsageError()
    {
        var run = await Run.RunAsync(["keys", "show-keystore", "x.json", "--passphrase-file", Path.Combine(_folder, "none.txt")]);

        Assert.Equal(CliApp.Usage, run.Code);
        Assert.Contains("--passphrase-file", run.Error);
    }

    private async Task<string> EthersKeystoreAsync()
    {
        using var made = JsonDocument.Parse(await NodeScript.RunAsync(Script, null, "keystore-make", AnvilProcess.DevPrivateKeys[1], Passphrase));
        var path = Path.Combine(_folder, $"ethers-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, made.RootElement.GetProperty("ethers").GetString());
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
