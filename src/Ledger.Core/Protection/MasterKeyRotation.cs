namespace Ledger.Core.Protection;

/// <summary>Moves wrapped data keys from one master key to another without touching the payloads they seal.</summary>
/// <remarks>
/// Rotation runs row by row: check <see cref="NeedsRewrap"/>, store the result of <see cref="Rewrap"/> in place of the
/// old wrapped key, and retire the old master key only when no row still names it. The data key itself does not change,
/// so every sealed payload stays readable throughout.
/// </remarks>
public static class MasterKeyRotation
{
    /// <summary>True when <paramref name="wrapped"/> is not yet wrapped under <paramref name="current"/>.</summary>
    /// <exception cref="ProtectionFormatException">Not a version 1 wrapped key.</exception>
    public static bool NeedsRewrap(ReadOnlySpan<byte> wrapped, MasterKey current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return !string.Equals(KeyWrapper.Inspect(wrapped).MasterKeyId, current.Id, StringComparison.Ordinal);
    }

    /// <summary>Unwraps with <paramref name="oldMaster"/> and wraps the same data key under <paramref name="newMaster"/>.</summary>
    /// <remarks><paramref name="random"/> supplies the new nonce; the operating system's generator by default.</remarks>
    /// <exception cref="KeyUnavailableException"><paramref name="oldMaster"/> does not open <paramref name="wrapped"/>.</exception>
    public static byte[] Rewrap(ReadOnlySpan<byte> wrapped, MasterKey oldMaster, MasterKey newMaster, ISecureRandom? random = null)
    {
        ArgumentNullException.ThrowIfNull(newMaster);
        using var dataKey = KeyWrapper.Unwrap(wrapped, oldMaster);
        return new KeyWrapper(random ?? SystemSecureRandom.Instance).Wrap(dataKey, newMaster);
    }
}
