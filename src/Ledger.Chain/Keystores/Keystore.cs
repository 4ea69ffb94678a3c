using System.Text.Json;
using Nethereum.KeyStore;
using Nethereum.KeyStore.Crypto;
using Nethereum.KeyStore.Model;

namespace Ledger.Chain;

/// <summary>
/// Web3 Secret Storage (version 3) keystores: a private key encrypted under a passphrase, as ethers, geth, Foundry and
/// MetaMask write them. Nethereum does the cryptography (scrypt or PBKDF2, AES-128-CTR, the MAC); what to accept and
/// how to write is ours.
/// </summary>
/// <remarks>
/// Written with scrypt n = 2^17, r = 8, p = 1, ethers' own parameters, which ethers, geth and Foundry read. Nethereum's
/// defaults (n = 2^18, r = 1, p = 8) are refused by ethers. Opening one takes about a second, by design of scrypt.
/// Messages never contain the passphrase or the key.
/// </remarks>
public static class Keystore
{
    /// <summary>scrypt cost parameter of written keystores (2^17, as ethers).</summary>
    public const int ScryptN = 1 << 17;

    /// <summary>scrypt block size of written keystores.</summary>
    public const int ScryptR = 8;

    /// <summary>scrypt parallelism of written keystores.</summary>
    public const int ScryptP = 1;

    // scrypt needs 128·n·r·p bytes: refuse a keystore that would take more than this to open (geth's standard is 256 MiB).
    private const long MaxScryptMemory = 1L << 30;

    /// <summary>Opens the keystore file at <paramref name="path"/> with <paramref name="passphrase"/>.</summary>
    /// <exception cref="KeystoreException">Wrong passphrase, or not a keystore this can open.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static EthereumKey Load(string path, string passphrase)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Decrypt(File.ReadAllText(path), passphrase);
    }

    /// <summary>Opens a keystore given as JSON text.</summary>
    /// <exception cref="KeystoreException">Wrong passphrase, or not a keystore this can open.</exception>
    public static EthereumKey Decrypt(string json, string passphrase)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(passphrase);
        var statedAddress = Inspect(json);
        byte[] privateKey;
        try
        {
            privateKey = new KeyStoreService().DecryptKeyStoreFromJson(passphrase, json);
        }
        catch (DecryptionException)
        {
            // The MAC did not match: the passphrase is wrong (or the ciphertext was altered).
            throw new KeystoreException("The passphrase does not open this keystore.", wrongPassphrase: true);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new KeystoreException($"The keystore could not be decrypted: {e.GetType().Name}.");
        }
        EthereumKey key;
        try
        {
            key = EthereumKey.FromPrivateKey(privateKey);
        }
        catch (FormatException)
        {
            throw new KeystoreException("The keystore decrypts to something that is not a secp256k1 private key.");
        }
        finally
        {
            Array.Clear(privateKey);
        }
        // The MAC covers the ciphertext but not the address beside it: a keystore that names another account is refused.
        if (statedAddress is not null && !EthereumAddress.AreEqual(statedAddress, key.Address))
        {
            throw new KeystoreException($"The keystore says it holds {statedAddress}, but its key belongs to {key.Address}.");
        }
        return key;
    }

    /// <summary>Writes <paramref name="key"/> to a new file at <paramref name="path"/> (never over an existing one),
    /// readable by its owner only where the file system has Unix permissions.</summary>
    /// <exception cref="IOException">The file exists or cannot be written.</exception>
    public static void Write(EthereumKey key, string passphrase, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var json = Encrypt(key, passphrase);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using var writer = new StreamWriter(path, System.Text.Encoding.UTF8, options);
        writer.Write(json);
    }

    /// <summary>Encrypts <paramref name="key"/> under <paramref name="passphrase"/> and returns the keystore JSON.</summary>
    public static string Encrypt(EthereumKey key, string passphrase)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrEmpty(passphrase);
        var parameters = new ScryptParams { Dklen = 32, N = ScryptN, R = ScryptR, P = ScryptP };
        var privateKey = key.ToEthECKey().GetPrivateKeyAsBytes();
        try
        {
            return new KeyStoreScryptService().EncryptAndGenerateKeyStoreAsJson(passphrase, privateKey, key.Address, parameters);
        }
        finally
        {
            Array.Clear(privateKey);
        }
    }

    // Reads what can be checked before the expensive key derivation: the version, the cipher, affordable KDF
    // parameters, and the address the keystore claims (optional: Foundry leaves it out).
    private static string? Inspect(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (!root.TryGetProperty("version", out var version) || !version.TryGetInt32(out var v) || v != 3)
            {
                throw new KeystoreException("Only version 3 keystores (Web3 Secret Storage) can be opened.");
            }
            var crypto = root.EnumerateObject().FirstOrDefault(p => p.NameEquals("crypto") || p.NameEquals("Crypto")).Value;
            if (crypto.ValueKind != JsonValueKind.Object || crypto.GetProperty("cipher").GetString() != "aes-128-ctr")
            {
                throw new KeystoreException("The keystore has no aes-128-ctr crypto section.");
            }
            if (crypto.GetProperty("kdf").GetString() == "scrypt")
            {
                var kdf = crypto.GetProperty("kdfparams");
                var memory = 128L * kdf.GetProperty("n").GetInt64() * kdf.GetProperty("r").GetInt64() * kdf.GetProperty("p").GetInt64();
                if (memory > MaxScryptMemory)
                {
                    throw new KeystoreException($"The keystore's scrypt parameters would need {memory >> 20} MiB to open; at most {MaxScryptMemory >> 20} MiB is allowed.");
                }
            }
            return root.TryGetProperty("address", out var address) && address.GetString() is { Length: > 0 } text
                ? (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text : "0x" + text)
                : null;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or OverflowException)
        {
            throw new KeystoreException("The file is not a Web3 Secret Storage keystore (malformed JSON or missing fields).");
        }
    }
}
