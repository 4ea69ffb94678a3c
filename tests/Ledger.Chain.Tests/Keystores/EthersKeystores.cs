using System.Text.Json;
using Ledger.Testing;

namespace Ledger.Chain.Tests.Keystores;

/// <summary>Keystores made by ethers for one test key: ethers' own, and one of Foundry's shape (n = 2^13, no address).</summary>
public sealed class EthersKeystores : IAsyncLifetime
{
    public const string Script = "tests/Ledger.Chain.Tests/js/ethers-vectors.mjs";

    /// <summary>anvil's dev key 1: public, guards nothing.</summary>
    public const string PrivateKey = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";

    public const string Passphrase = "correct horse battery staple";

    public string Address { get; private set; } = "";

    public string Ethers { get; private set; } = "";

    public string Foundry { get; private set; } = "";

    public async Task InitializeAsync()
    {
        using var made = JsonDocument.Parse(await NodeScript.RunAsync(Script, null, "keystore-make", PrivateKey, Passphrase));
        Address = made.RootElement.GetProperty("address").GetString()!;
        Ethers = made.RootElement.GetProperty("ethers").GetString()!;
        Foundry = made.RootElement.GetProperty("foundry").GetString()!;
    }

    /// <summary>What ethers decrypts <paramref name="keystore"/> to: (address, private key).</summary>
    public static async Task<(string Address, string PrivateKey)> OpenInEthersAsync(string keystore, string passphrase)
    {
        using var opened = JsonDocument.Parse(await NodeScript.RunAsync(Script, keystore, "keystore-open", passphrase));
        return (opened.RootElement.GetProperty("address").GetString()!, opened.RootElement.GetProperty("privateKey").GetString()!);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
