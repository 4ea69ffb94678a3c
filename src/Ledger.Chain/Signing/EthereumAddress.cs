using Ledger.Core.Encoding;
using Ledger.Core.Hashing;
using Nethereum.Util;

namespace Ledger.Chain;

/// <summary>Ethereum account addresses: strict parsing, EIP-55 checksums (Nethereum's) and comparison.</summary>
public static class EthereumAddress
{
    /// <summary>Length of an address in bytes.</summary>
    public const int Size = 20;

    /// <summary>
    /// Parses 0x text into 20 bytes. All-lower and all-upper hex are accepted as is; mixed case must carry a valid
    /// EIP-55 checksum, because a wrong mix usually means a typo.
    /// </summary>
    public static byte[] Parse(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!Hex.IsFixed(address, Size) || !address.StartsWith("0x", StringComparison.Ordinal))
        {
            throw new FormatException("An address must be 0x followed by 40 hex digits.");
        }
        var bytes = Hex.Decode(address);
        var digits = address.AsSpan(2);
        var mixedCase = digits.ContainsAnyInRange('a', 'f') && digits.ContainsAnyInRange('A', 'F');
        if (mixedCase && !string.Equals(ToChecksum(bytes), address, StringComparison.Ordinal))
        {
            throw new FormatException($"Address {address} has an invalid EIP-55 checksum.");
        }
        return bytes;
    }

    /// <summary>True when <paramref name="address"/> would parse.</summary>
    public static bool IsValid(string? address)
    {
        if (address is null)
        {
            return false;
        }
        try
        {
            Parse(address);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>The EIP-55 checksummed form of an address given as text.</summary>
    public static string Normalize(string address) => ToChecksum(Parse(address));

    /// <summary>Case-insensitive address equality (the checksum is presentation, not identity).</summary>
    public static bool AreEqual(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>EIP-55: the mixed-case form whose letters encode keccak256 of the lower-case hex.</summary>
    public static string ToChecksum(ReadOnlySpan<byte> address)
    {
        if (address.Length != Size)
        {
            throw new ArgumentException($"An address is {Size} bytes, got {address.Length}.", nameof(address));
        }
        return AddressUtil.Current.ConvertToChecksumAddress(Convert.ToHexStringLower(address));
    }

    /// <summary>The address of an uncompressed secp256k1 public key (64 bytes x‖y, without the 0x04 prefix).</summary>
    public static string FromPublicKey(ReadOnlySpan<byte> publicKey64)
    {
        if (publicKey64.Length != 64)
        {
            throw new ArgumentException("Expected a 64-byte uncompressed public key.", nameof(publicKey64));
        }
        return ToChecksum(Keccak256.Hash(publicKey64).AsSpan(12));
    }
}
