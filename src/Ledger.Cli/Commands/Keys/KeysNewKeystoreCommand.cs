using System.CommandLine;
using Ledger.Chain;
using Ledger.Cli.CommandLine;

namespace Ledger.Cli.Commands.Keys;

/// <summary>
/// <c>ledger keys new-keystore --out FILE</c>: a new anchoring key in a Web3 Secret Storage keystore that ethers, geth
/// and Foundry read (scrypt n = 2^17, r = 8, p = 1), owner-only, never over an existing file; prints its address.
/// </summary>
internal sealed class KeysNewKeystoreCommand : LedgerCommand
{
    /// <summary>Shorter passphrases fall to a guessing attack on a stolen keystore file despite scrypt.</summary>
    public const int MinimumPassphraseLength = 12;

    private readonly RequiredOption<string> _out = new("--out", "file", "anchorer.keystore.json", "Where to write the keystore; must not exist yet.");
    private readonly Option<string?> _passphraseFile = KeystorePassphrase.Option();

    public KeysNewKeystoreCommand() : base("new-keystore",
        "Create a new anchoring key in an encrypted keystore (for Chain:KeystoreFile) and print its address.")
    {
        Options.Add(_out);
        Options.Add(_passphraseFile);
    }

    protected override async Task<int> RunAsync(ParseResult result, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var path = result.GetRequiredValue(_out);
        var passphrase = await KeystorePassphrase.ReadAsync(result.GetValue(_passphraseFile), ct);
        if (passphrase.Length < MinimumPassphraseLength)
        {
            await error.WriteLineAsync($"error: the passphrase has {passphrase.Length} characters; use at least {MinimumPassphraseLength}.");
            return CliApp.Invalid;
        }
        if (File.Exists(path))
        {
            await error.WriteLineAsync($"error: {path} exists; a keystore is never written over another file.");
            return CliApp.Invalid;
        }
        var key = EthereumKey.Generate();
        Keystore.Write(key, passphrase, path);
        await output.WriteLineAsync($"Wrote {Path.GetFullPath(path)} for {key.Address}.");
        await output.WriteLineAsync(
            "Grant that account ANCHORER_ROLE and ISSUER_REGISTRAR_ROLE on the LedgerAnchor contract and fund it, then set "
            + $"Chain:KeystoreFile to the file and put the passphrase in {KeystorePassphrase.Variable}.");
        return 0;
    }
}
