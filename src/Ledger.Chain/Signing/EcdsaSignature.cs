namespace Ledger.Chain;

/// <summary>A secp256k1 signature: 32-byte big-endian r and s (low-s form) and the parity of R's y coordinate.</summary>
/// <param name="R">32 bytes, big-endian.</param>
/// <param name="S">32 bytes, big-endian, at most n/2.</param>
/// <param name="YParity">0 or 1: the recovery id.</param>
public readonly record struct EcdsaSignature(byte[] R, byte[] S, byte YParity);
