using System.Reflection;
using Ledger.Core.Protection;
using static Ledger.Core.Tests.Protection.ProtectionFixtures;

namespace Ledger.Core.Tests.Protection;

public sealed class DataKeyTests
{
    [Fact]
    public void AGeneratedKeyIsThirtyTwoBytesFromTheInjectedRandomness()
    {
        using var key = DataKey.Generate("k-1", new SeededRandom("data"));
        var expected = new byte[32];
        new SeededRandom("data").Fill(expected);
        Assert.Equal(expected, key.Material.ToArray());
        Assert.Equal("k-1", key.KeyId);
    }

    [Fact]
    public void GeneratedKeysDiffer()
    {
        using var a = DataKey.Generate("a");
        using var b = DataKey.Generate("a");
        Assert.NotEqual(a.Material.ToArray(), b.Material.ToArray());
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("case 187")]
    [InlineData("sqjz-é")]
    [InlineData("line\nbreak")]
    [InlineData("tab\t")]
    public void KeyIdsMustBePrintableAsciiWithoutSpaces(string keyId) =>
        Assert.Throws<ArgumentException>(() => DataKey.Generate(keyId));

    [Fact]
    public void KeyIdsMayBeUpTo128Characters()
    {
        using var longest = DataKey.Generate(new string('k', 128));
        Assert.Equal(128, longest.KeyId.Length);
        Assert.Throws<ArgumentException>(() => DataKey.Generate(new string('k', 129)));
    }

    [Fact]
    public void TypicalKeyIdsAreAccepted()
    {
        using var guid = DataKey.Generate("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
        using var reference = DataKey.Generate("dk:2024/cc-7f3a9b");
        Assert.Equal("dk:2024/cc-7f3a9b", reference.KeyId);
    }

    [Fact]
    public void DisposingZeroesTheKeyBytes()
    {
        var key = DataKey.Generate("k", new SeededRandom("zero me"));
        var buffer = (byte[])typeof(DataKey).GetField("_key", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(key)!;
        Assert.Contains(buffer, b => b != 0);
        key.Dispose();
        Assert.All(buffer, b => Assert.Equal(0, b));
    }

    [Fact]
    public void ADisposedDataKeyCannotSealOrBeWrapped()
    {
        using var master = Master();
        var key = SubjectKey();
        key.Dispose();
        Assert.Throws<ObjectDisposedException>(() => new PayloadCipher().Encrypt([1, 2, 3], key, []));
        Assert.Throws<ObjectDisposedException>(() => new KeyWrapper().Wrap(key, master));
    }

    [Fact]
    public void ToStringShowsTheIdButNotTheKey()
    {
        using var key = SubjectKey("subject-42");
        Assert.Equal("DataKey(subject-42)", key.ToString());
    }
}
