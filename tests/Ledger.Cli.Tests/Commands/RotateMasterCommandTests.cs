using Ledger.Core.Protection;
using Ledger.Data.Protection;

namespace Ledger.Cli.Tests.Commands;

/// <summary>The operator side of `ledger keys rotate-master`; the end-to-end run with the service is in Ledger.Api.Tests.</summary>
public sealed class RotateMasterCommandTests : IDisposable
{
    private readonly OperatorDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task ANewKeyFileIsGeneratedReadableOnlyByItsOwner()
    {
        MasterKeyFiles.CreateNew(Path.Combine(_data.Path, MasterKeyFiles.EmbeddedFileName)).Dispose();
        var newKeyFile = Path.Combine(_data.Path, "next.key");

        var run = await _data.RunAsync("keys", "rotate-master", "--new-key-file", newKeyFile);

        Assert.True(run.Code == 0, run.Error);
        using var key = MasterKey.Parse(await File.ReadAllTextAsync(newKeyFile));
        Assert.Contains($"Generated master key {key.Id}", run.Output);
        Assert.DoesNotContain(key.ExportHex(), run.Output + run.Error);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(newKeyFile));
        }
    }

    [Fact]
    public async Task WithoutACurrentKeyTheCommandSaysWhereItLooked()
    {
        var run = await _data.RunAsync("keys", "rotate-master", "--new-key-file", Path.Combine(_data.Path, "next.key"));

        Assert.Equal(CliApp.Usage, run.Code);
        Assert.Contains("--key-file", run.Error);
        Assert.Contains(MasterKeyFiles.EnvironmentVariable, run.Error);
    }

    [Fact]
    public async Task RotatingToTheCurrentKeyIsRefused()
    {
        var current = Path.Combine(_data.Path, MasterKeyFiles.EmbeddedFileName);
        MasterKeyFiles.CreateNew(current).Dispose();

        var run = await _data.RunAsync("keys", "rotate-master", "--new-key-file", current);

        Assert.Equal(CliApp.Invalid, run.Code);
        Assert.Contains("is the current master key", run.Error);
    }

    [Fact]
    public async Task TheNewKeyFileIsRequired()
    {
        var run = await _data.RunAsync("keys", "rotate-master");

        Assert.Equal(CliApp.Usage, run.Code);
        Assert.Contains("--new-key-file", run.Error);
    }
}
