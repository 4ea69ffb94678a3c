using Ledger.Core.Protection;

namespace Ledger.Api.Protection;

/// <summary>
/// Data keys looked up together for a read of many records (<see cref="EnvelopeVault.KeysForAsync"/>), by key id; a
/// key destroyed by an erasure is absent. Disposing it zeroes every key.
/// </summary>
internal sealed class OpenedDataKeys : IDisposable
{
    private readonly Dictionary<string, DataKey> _keys = new(StringComparer.Ordinal);

    /// <summary>How many keys were found.</summary>
    public int Count => _keys.Count;

    /// <summary>The key named <paramref name="keyId"/>, or null when it was not found.</summary>
    public DataKey? Find(string keyId) => _keys.GetValueOrDefault(keyId);

    internal void Add(string keyId, DataKey key) => _keys.Add(keyId, key);

    public void Dispose()
    {
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }
        _keys.Clear();
    }
}
