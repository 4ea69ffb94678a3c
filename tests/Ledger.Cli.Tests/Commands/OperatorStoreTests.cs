using System.Runtime.Versioning;

namespace Ledger.Cli.Tests.Commands;

public sealed class OperatorStoreTests : IDisposable
{
    private readonly OperatorDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task ADatabaseTheToolCreatesIsReadableByItsOwnerOnly()
    {
        var run = await _data.RunAsync("keys", "list");

        Assert.True(run.Code == 0, run.Error);
        Assert.Contains("creating one", run.Error);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_data.Path, "ledger.db")));
    }
}
