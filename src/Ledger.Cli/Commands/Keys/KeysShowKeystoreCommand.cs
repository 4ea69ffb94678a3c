using System.CommandLine;
using Ledger.Chain;
using Ledger.Cli.CommandLine;

namespace Ledger.Cli.Commands.Keys;

/// <summary><c>ledger keys show-keystore FILE</c>: opens a keystore (ethers, geth, Foundry or ours) and prints its address.</summary>
internal sealed class KeysShowKeystoreCommand : LedgerCommand
{
    private readonly Argument<string> _file = Symbols.Value("keystore.json", "A Web3 Secret Storage (v3) keystore file.");
    private readonly Option<string?> _passphraseFile = KeystorePassphrase.Option();

    public KeysShowKeystoreCommand() : base("show-keystore",
        "Open a keystore with its passphrase and print the address of the key it holds (never the key).")
    {
        Arguments.Add(_file);
        Options.Add(_passphraseFile);
    }

    protected override async Task<int> RunAsync(ParseResult result, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var path = result.GetRequiredValue(_file);
        var passphrase = await KeystorePassphrase.ReadAsync(result.GetValue(_passphraseFile), ct);
        try
        {
            var key = Keystore.Load(path, passphrase);
            await output.WriteLineAsync($"{path} holds the key of {key.Address}.");
            return 0;
        }
        catch (KeystoreException e) when (e.WrongPassphrase)
        {
            await error.WriteLineAsync($"invalid: the passphrase does not open {path}.");
            return CliApp.Invalid;
        }
        catch (KeystoreException e)
        {
            await error.WriteLineAsync($"invalid: {path} is not a keystore this can open: {e.Message}");
            return CliApp.Invalid;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"error: {path} cannot be read ({e.GetType().Name}).");
            return CliApp.Usage;
        }
    }
}
