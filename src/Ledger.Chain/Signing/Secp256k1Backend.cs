using NBitcoin.Secp256k1;
using Native = Secp256k1Net.Secp256k1;

namespace Ledger.Chain;

/// <summary>Where secp256k1 signing and public-key recovery run: the C library libsecp256k1 when it loads, else its C#
/// port.</summary>
/// <remarks>
/// <para>
/// The C library (bitcoin-core's libsecp256k1, prebuilt per platform in Secp256k1.Net) signs about eight times as fast
/// as NBitcoin.Secp256k1, the C# port Nethereum ships; every record is signed on the ingest path, so this is most of
/// the CPU an ingest costs (docs/benchmarks.md). Both use RFC 6979 nonces and give low-s signatures, so they produce
/// the same bytes; at first use the native library signs a fixed hash and must give the port's exact signature, or the
/// port is used. Where the native library does not load (a platform Secp256k1.Net has no build for) the port is used
/// too, and <c>LEDGER_SECP256K1=managed</c> forces it.
/// </para>
/// <para>
/// Both are thread-safe: Secp256k1.Net's static functions share one context that libsecp256k1 only reads while signing
/// or recovering; NBitcoin's <see cref="Context.Instance"/> likewise.
/// </para>
/// </remarks>
public static class Secp256k1Backend
{
    private static readonly Lazy<bool> Native_ = new(Probe);

    /// <summary>True when the C library is in use.</summary>
    public static bool NativeInUse => Native_.Value;

    /// <summary>Signs <paramref name="hash32"/> with <paramref name="secret"/>: r ‖ s into <paramref name="compact64"/>
    /// and the recovery id.</summary>
    internal static bool TrySign(ReadOnlySpan<byte> hash32, ReadOnlySpan<byte> secret, ECPrivKey managedKey, Span<byte> compact64, out int recoveryId) =>
        NativeInUse ? TrySignNative(hash32, secret, compact64, out recoveryId) : TrySignManaged(hash32, managedKey, compact64, out recoveryId);

    /// <summary>The uncompressed public key (65 bytes, 0x04 first) that made the signature, or false.</summary>
    internal static bool TryRecover(ReadOnlySpan<byte> hash32, ReadOnlySpan<byte> compact64, int recoveryId, Span<byte> uncompressed65) =>
        NativeInUse ? TryRecoverNative(hash32, compact64, recoveryId, uncompressed65) : TryRecoverManaged(hash32, compact64, recoveryId, uncompressed65);

    internal static bool TrySignNative(ReadOnlySpan<byte> hash32, ReadOnlySpan<byte> secret, Span<byte> compact64, out int recoveryId)
    {
        recoveryId = 0;
        try
        {
            var (signature, id) = Native.SignRecoverable(hash32, secret);
            signature.CopyTo(compact64);
            recoveryId = id;
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    internal static bool TrySignManaged(ReadOnlySpan<byte> hash32, ECPrivKey key, Span<byte> compact64, out int recoveryId)
    {
        recoveryId = 0;
        if (!key.TrySignRecoverable(hash32, out var signature) || signature is null)
        {
            return false;
        }
        signature.WriteToSpanCompact(compact64, out recoveryId);
        return true;
    }

    internal static bool TryRecoverNative(ReadOnlySpan<byte> hash32, ReadOnlySpan<byte> compact64, int recoveryId, Span<byte> uncompressed65)
    {
        try
        {
            Native.RecoverPublicKey(compact64, (byte)recoveryId, hash32, compressed: false).CopyTo(uncompressed65);
            return true;
        }
        catch (ArgumentException)
        {
            // libsecp256k1 refuses r or s of zero or out of range, and signatures that recover to no point.
            return false;
        }
    }

    internal static bool TryRecoverManaged(ReadOnlySpan<byte> hash32, ReadOnlySpan<byte> compact64, int recoveryId, Span<byte> uncompressed65)
    {
        if (!SecpRecoverableECDSASignature.TryCreateFromCompact(compact64, recoveryId, out var recoverable)
            || !ECPubKey.TryRecover(Context.Instance, recoverable, hash32, out var publicKey))
        {
            return false;
        }
        publicKey.WriteToSpan(false, uncompressed65, out _);
        return true;
    }

    private static bool Probe()
    {
        if (string.Equals(Environment.GetEnvironmentVariable("LEDGER_SECP256K1"), "managed", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        try
        {
            Span<byte> secret = stackalloc byte[32];
            secret[31] = 7;
            Span<byte> hash = stackalloc byte[32];
            hash.Fill(0x5a);
            Span<byte> native = stackalloc byte[64];
            Span<byte> managed = stackalloc byte[64];
            return Context.Instance.TryCreateECPrivKey(secret, out var key) && key is not null
                && TrySignNative(hash, secret, native, out var nativeId)
                && TrySignManaged(hash, key, managed, out var managedId)
                && nativeId == managedId && native.SequenceEqual(managed);
        }
        catch (Exception e) when (e is DllNotFoundException or BadImageFormatException or EntryPointNotFoundException or TypeInitializationException)
        {
            return false;
        }
    }
}
