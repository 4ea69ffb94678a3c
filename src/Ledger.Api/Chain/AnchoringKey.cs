using Ledger.Api.Settings;
using Ledger.Chain;

namespace Ledger.Api.Chain;

/// <summary>
/// The external chain's anchoring key: <c>Chain:PrivateKey</c>, or the keystore in <c>Chain:KeystoreFile</c> opened
/// with the passphrase in <c>LEDGER_KEYSTORE_PASSWORD</c>. Opened once at start (scrypt takes about a second); every
/// problem refuses start-up with a message that names the setting and never the passphrase or the key.
/// </summary>
internal static class AnchoringKey
{
    public static EthereumKey Open(ChainOptions options, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(options.KeystoreFile))
        {
            return EthereumKey.FromPrivateKey(options.PrivateKey!);
        }
        var path = Path.GetFullPath(options.KeystoreFile);
        var passphrase = configuration[ChainOptions.KeystorePasswordVariable];
        if (string.IsNullOrEmpty(passphrase))
        {
            throw new StartupRefusedException(
                $"Chain:KeystoreFile is set ({path}) but {ChainOptions.KeystorePasswordVariable} is empty: put the keystore's passphrase in that environment variable.");
        }
        try
        {
            return Keystore.Load(path, passphrase);
        }
        catch (KeystoreException e) when (e.WrongPassphrase)
        {
            throw new StartupRefusedException($"Chain:KeystoreFile ({path}): the passphrase in {ChainOptions.KeystorePasswordVariable} does not open it.", e);
        }
        catch (KeystoreException e)
        {
            throw new StartupRefusedException($"Chain:KeystoreFile ({path}) is not a keystore this service can open: {e.Message}", e);
        }
        catch (IOException e)
        {
            throw new StartupRefusedException($"Chain:KeystoreFile ({path}) cannot be read ({e.GetType().Name}).", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new StartupRefusedException($"Chain:KeystoreFile ({path}) cannot be read: permission denied.", e);
        }
    }
}
