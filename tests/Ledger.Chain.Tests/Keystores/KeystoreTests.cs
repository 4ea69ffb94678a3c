using System.Text.Json;
using System.Text.Json.Nodes;
using Ledger.Testing;

namespace Ledger.Chain.Tests.Keystores;

public sealed class KeystoreTests(EthersKeystores ethers) : IClassFixture<EthersKeystores>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ledger-keystore-").FullName;

    private static string GethKeystore => File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "keystores",
        "geth-UTC--2015-11-25T05-05-03.116905600Z--12890d2cce102216644c59dae5baed380d84830c.json"));

    [Fact]
    public void AKeystoreWrittenByEthersOpensToItsKey()
    {
        var key = Keystore.Decrypt(ethers.Ethers, EthersKeystores.Passphrase);
        Assert.Equal(ethers.Address, key.Address);
        Assert.Equal(EthersKeystores.PrivateKey, key.ExportPrivateKey());
    }

    [Fact]
    public void AKeystoreOfFoundrysShapeWithoutAnAddressOpens() =>
        Assert.Equal(ethers.Address, Keystore.Decrypt(ethers.Foundry, EthersKeystores.Passphrase).Address);

    [Fact]
    public void AKeystoreWrittenByGethOpens() =>
        Assert.Equal("0x12890D2cce102216644c59daE5baed380d84830c", Keystore.Decrypt(GethKeystore, "password").Address);

    [Fact]
    public void AKeystoreFileLoadsFromItsPath()
    {
        var path = Path.Combine(_folder, "ethers.json");
        File.WriteAllText(path, ethers.Ethers);
        Assert.Equal(ethers.Address, Keystore.Load(path, EthersKeystores.Passphrase).Address);
    }

    [Fact]
    public void AWrongPassphraseIsSaidPlainlyAndNeitherItNorTheKeyIsEchoed()
    {
        var error = Assert.Throws<KeystoreException>(() => Keystore.Decrypt(ethers.Ethers, "correct horse battery stapler"));
        Assert.True(error.WrongPassphrase);
        Assert.Contains("passphrase", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("stapler", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(EthersKeystores.PrivateKey[2..], error.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AKeystoreWrittenHereOpensInEthersToTheSameKey()
    {
        var key = EthereumKey.Generate();
        var path = Path.Combine(_folder, "written.json");
        Keystore.Write(key, "a passphrase for ethers", path);
        var (address, privateKey) = await EthersKeystores.OpenInEthersAsync(File.ReadAllText(path), "a passphrase for ethers");
        Assert.Equal(key.Address, address);
        Assert.Equal(key.ExportPrivateKey(), privateKey);
        Assert.Equal(key.Address, Keystore.Load(path, "a passphrase for ethers").Address);
    }

    [Fact]
    public void WrittenKeystoresUseEthersScryptParametersNotNethereumsDefaults()
    {
        using var written = JsonDocument.Parse(Keystore.Encrypt(EthereumKey.Generate(), "p"));
        var crypto = written.RootElement.EnumerateObject().Single(p => p.Name is "crypto" or "Crypto").Value;
        Assert.Equal("scrypt", crypto.GetProperty("kdf").GetString());
        var kdf = crypto.GetProperty("kdfparams");
        Assert.Equal((1 << 17, 8, 1), (kdf.GetProperty("n").GetInt32(), kdf.GetProperty("r").GetInt32(), kdf.GetProperty("p").GetInt32()));
        Assert.Equal(3, written.RootElement.GetProperty("version").GetInt32());
    }

    [Fact]
    public void WritingNeverReplacesAnExistingFileAndKeepsTheNewOneToItsOwner()
    {
        var path = Path.Combine(_folder, "taken.json");
        File.WriteAllText(path, "keep me");
        Assert.Throws<IOException>(() => Keystore.Write(EthereumKey.Generate(), "p", path));
        Assert.Equal("keep me", File.ReadAllText(path));

        var fresh = Path.Combine(_folder, "fresh.json");
        Keystore.Write(EthereumKey.Generate(), "p", fresh);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(fresh));
        }
    }

    [Fact]
    public void AKeystoreThatNamesAnotherAccountIsRefused()
    {
        var altered = JsonNode.Parse(ethers.Ethers)!;
        altered["address"] = "f39fd6e51aad88f6f4ce6ab8827279cfffb92266";
        var error = Assert.Throws<KeystoreException>(() => Keystore.Decrypt(altered.ToJsonString(), EthersKeystores.Passphrase));
        Assert.False(error.WrongPassphrase);
        Assert.Contains("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"version":3}""")]
    [InlineData("""{"version":1,"crypto":{}}""")]
    public void WhatIsNoKeystoreIsSaidToBeNone(string json)
    {
        var error = Assert.Throws<KeystoreException>(() => Keystore.Decrypt(json, "p"));
        Assert.False(error.WrongPassphrase);
    }

    [Fact]
    public void ScryptParametersThatWouldNeedMoreThanAGibibyteAreRefusedBeforeDerivation()
    {
        var greedy = JsonNode.Parse(ethers.Ethers)!;
        var crypto = greedy["Crypto"] ?? greedy["crypto"]!;
        crypto["kdfparams"]!["n"] = 1 << 24;
        var error = Assert.Throws<KeystoreException>(() => Keystore.Decrypt(greedy.ToJsonString(), EthersKeystores.Passphrase));
        Assert.Contains("MiB", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
