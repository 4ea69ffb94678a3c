namespace Ledger.Core.Protection;

/// <summary>What a sealed payload says about itself, readable without any key.</summary>
/// <param name="Version">The format version (1).</param>
/// <param name="KeyId">The <see cref="DataKey.KeyId"/> of the data key that sealed it.</param>
/// <param name="PlaintextLength">The length of the plaintext in bytes (GCM does not hide it).</param>
public sealed record SealedPayloadInfo(int Version, string KeyId, int PlaintextLength);
