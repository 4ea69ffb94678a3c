using System.Text.Json;
using Ledger.Chain.Embedded;
using Ledger.Testing;

namespace Ledger.Api.Tests.Chain;

/// <summary>The anchoring key can live in an encrypted keystore (Chain:KeystoreFile + LEDGER_KEYSTORE_PASSWORD), such as one ethers wrote.</summary>
public sealed class KeystoreAnchoringTests
{
    private const string Passphrase = "correct horse battery staple";

    [Fact]
    public async Task TheServiceAnchorsWithAKeyFromAKeystoreThatEthersWrote()
    {
        await using var chain = await ExternalChain.StartAsync();
        var keystore = await EthersKeystoreAsync(chain);
        var factory = new LedgerApiFactory(settings: KeystoreSettings(chain, keystore, Passphrase));
        try
        {
            var client = await ExternalChain.InspectorClientAsync(factory);
            var accepted = await Samples.SubmitAsync(client, Samples.Inspection());

            var bundle = await factory.WaitForStatusAsync(accepted.GetProperty("recordHash").GetString()!, "confirmed");

            Assert.Equal(chain.Contract.Address, bundle.GetProperty("anchor").GetProperty("contract").GetString());
            Assert.Equal(AnvilNode.DevKeys[1].Address, (await factory.ChainAsync()).Sender.Address);
        }
        finally
        {
            await factory.DisposeAsync();
            factory.DeleteData();
        }
    }

    [Fact]
    public async Task AWrongPassphraseStopsStartUpWithAMessageThatNamesTheSettingButNotThePassphrase()
    {
        await using var chain = await ExternalChain.StartAsync();
        var keystore = await EthersKeystoreAsync(chain);
        const string Wrong = "not the passphrase at all";
        var failure = await LedgerApiFactory.StartupErrorAsync(KeystoreSettings(chain, keystore, Wrong));

        Assert.Contains("the passphrase in LEDGER_KEYSTORE_PASSWORD does not open it", failure);
        Assert.DoesNotContain(Wrong, failure);
        Assert.DoesNotContain(AnvilProcess.DevPrivateKeys[1][2..], failure);
    }

    private static Dictionary<string, string?> KeystoreSettings(ExternalChain chain, string keystore, string passphrase)
    {
        var settings = chain.Settings();
        settings["Chain:PrivateKey"] = null;
        settings["Chain:KeystoreFile"] = keystore;
        settings["LEDGER_KEYSTORE_PASSWORD"] = passphrase;
        return settings;
    }

    // ethers' own keystore of the chain's anchoring account (dev key 1), written beside the chain's state.
    private static async Task<string> EthersKeystoreAsync(ExternalChain chain)
    {
        using var made = JsonDocument.Parse(await NodeScript.RunAsync(
            "tests/Ledger.Chain.Tests/js/ethers-vectors.mjs", null, "keystore-make", AnvilProcess.DevPrivateKeys[1], Passphrase));
        var path = Path.Combine(chain.Node.StateDirectory, "anchorer.keystore.json");
        await File.WriteAllTextAsync(path, made.RootElement.GetProperty("ethers").GetString());
        return path;
    }
}
