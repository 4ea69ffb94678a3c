namespace Ledger.Chain;

/// <summary>A keystore that cannot be opened: the wrong passphrase, or not a keystore. Never carries the passphrase or key.</summary>
public sealed class KeystoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="wrongPassphrase">True when the keystore is sound but the passphrase does not open it.</param>
    public KeystoreException(string message, bool wrongPassphrase = false)
        : base(message)
    {
        WrongPassphrase = wrongPassphrase;
    }

    /// <summary>True when the passphrase is wrong (as opposed to a malformed or unsupported keystore).</summary>
    public bool WrongPassphrase { get; }
}
