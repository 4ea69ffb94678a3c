using System.Security.Cryptography;

namespace Ledger.Api.Records.Idempotency;

/// <summary>A submission sent with an Idempotency-Key: the key and a fingerprint of what was asked.</summary>
/// <param name="Key">The client's key, already validated.</param>
/// <param name="RequestHash">Lowercase hex SHA-256 of the canonical (RFC 8785) body, so layout and name order do not matter.</param>
internal sealed record IdempotentRequest(string Key, string RequestHash)
{
    /// <summary>
    /// True when the caller's key was found unused moments ago (a batch checks all its keys in one query), so the
    /// submission skips its own look-up. Should the key be claimed meanwhile, the commit refuses it and the answer is
    /// the winner's, as for any race.
    /// </summary>
    public bool KnownUnused { get; init; }

    /// <summary>The idempotent request for a key and a body, or null when no key was sent.</summary>
    public static IdempotentRequest? For(string? key, byte[] canonicalBody) =>
        key is null ? null : new IdempotentRequest(key, Convert.ToHexStringLower(SHA256.HashData(canonicalBody)));
}
