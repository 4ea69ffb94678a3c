namespace Ledger.Core.Protection;

/// <summary>What a wrapped data key says about itself, readable without any key.</summary>
/// <param name="Version">The format version (1).</param>
/// <param name="MasterKeyId">The <see cref="MasterKey.Id"/> of the master key that wrapped it.</param>
/// <param name="KeyId">The <see cref="DataKey.KeyId"/> of the wrapped key.</param>
public sealed record WrappedKeyInfo(int Version, string MasterKeyId, string KeyId);
