namespace Ledger.Core.Protection;

/// <summary>The master keys a service holds: one current key that wraps new data keys, and retired keys that still unwrap.</summary>
/// <remarks>Each wrapped key names its master key's id, so the ring picks the right one during and after a rotation.</remarks>
public sealed class MasterKeyRing
{
    private readonly Dictionary<string, MasterKey> _byId = new(StringComparer.Ordinal);
    private readonly List<string> _ids = [];

    /// <summary>Builds a ring; <paramref name="retired"/> may be empty.</summary>
    /// <exception cref="ArgumentException">Two keys share an id, i.e. the same key is configured twice.</exception>
    public MasterKeyRing(MasterKey current, IEnumerable<MasterKey> retired)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(retired);
        Current = current;
        foreach (var key in retired.Prepend(current))
        {
            ArgumentNullException.ThrowIfNull(key, nameof(retired));
            if (!_byId.TryAdd(key.Id, key))
            {
                throw new ArgumentException($"Master key {key.Id} is configured more than once.", nameof(retired));
            }
            _ids.Add(key.Id);
        }
    }

    /// <summary>The key that wraps new data keys.</summary>
    public MasterKey Current { get; }

    /// <summary>The ids of every key in the ring, current first.</summary>
    public IReadOnlyList<string> Ids => _ids;

    /// <summary>Unwraps with whichever key in the ring wrapped <paramref name="wrapped"/>.</summary>
    /// <exception cref="KeyUnavailableException">No key in the ring has the wrapped key's master key id, or it is corrupt.</exception>
    /// <exception cref="ProtectionFormatException">Not a version 1 wrapped key.</exception>
    public DataKey Unwrap(ReadOnlySpan<byte> wrapped)
    {
        var info = KeyWrapper.Inspect(wrapped);
        if (!_byId.TryGetValue(info.MasterKeyId, out var master))
        {
            throw new KeyUnavailableException(
                $"Data key '{info.KeyId}' is wrapped under master key {info.MasterKeyId}, which is not configured.");
        }
        return KeyWrapper.Unwrap(wrapped, master);
    }

    /// <summary>Re-wraps under <see cref="Current"/>, or returns null when <paramref name="wrapped"/> already is.</summary>
    public byte[]? RewrapToCurrent(ReadOnlySpan<byte> wrapped, ISecureRandom? random = null)
    {
        if (!MasterKeyRotation.NeedsRewrap(wrapped, Current))
        {
            return null;
        }
        using var dataKey = Unwrap(wrapped);
        return new KeyWrapper(random ?? SystemSecureRandom.Instance).Wrap(dataKey, Current);
    }
}
