using System.Runtime.Versioning;
using Ledger.Chain.Embedded;

namespace Ledger.Chain.Tests.Embedded;

public sealed class AnvilStateFileTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 8, 15, 0, TimeSpan.Zero);
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("ledger-anvil-state-");

    public void Dispose() => _directory.Delete(recursive: true);

    private string StatePath => Path.Combine(_directory.FullName, "anvil-state.json");

    [Fact]
    public void AFileCutShortByACrashIsSetAsideUnderItsTime()
    {
        File.WriteAllText(StatePath, """{"block":{"number":"0x1"},"accounts":{"0xf39f""");

        var aside = new AnvilStateFile(StatePath).SetAsideIfDamaged(Now);

        Assert.Equal(Path.Combine(_directory.FullName, "anvil-state.damaged-20261130T081500Z.json"), aside);
        Assert.False(File.Exists(StatePath));
        Assert.True(File.Exists(aside));
    }

    [Fact]
    public void AnEmptyFileIsDamaged()
    {
        File.WriteAllText(StatePath, "");

        Assert.NotNull(new AnvilStateFile(StatePath).SetAsideIfDamaged(Now));
    }

    [Fact]
    public void ACompleteFileStays()
    {
        File.WriteAllText(StatePath, """{"block":{"number":"0x1"},"accounts":{}}""");

        Assert.Null(new AnvilStateFile(StatePath).SetAsideIfDamaged(Now));
        Assert.True(File.Exists(StatePath));
    }

    [Fact]
    public void AMissingFileIsNeitherDamagedNorStamped()
    {
        var state = new AnvilStateFile(StatePath);

        Assert.Null(state.SetAsideIfDamaged(Now));
        Assert.False(state.Stamp().Exists);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void AFileOthersCanReadIsNarrowedToItsOwner()
    {
        File.WriteAllText(StatePath, "{}");
        File.SetUnixFileMode(StatePath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var state = new AnvilStateFile(StatePath);

        Assert.True(state.RestrictToOwner());
        Assert.False(state.RestrictToOwner());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(StatePath));
    }
}
